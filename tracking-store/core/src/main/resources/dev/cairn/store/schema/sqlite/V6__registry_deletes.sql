-- Cairn store schema, version 6: deleting registered models and versions leaves tombstones. The rows stay (the
-- append-only history refers to them; a DELETE event says who deleted what, when) and reads skip rows whose
-- deleted_ms is set. A deleted model gives its name back: its row's name becomes a tombstone name no valid model
-- name can take (it starts with a control character) and the name it had is kept in deleted_name.
-- v6 also brings history actions older Cairns do not know (delete, delete_model, unstage): they refuse a v6 store.
ALTER TABLE registered_models ADD COLUMN deleted_ms INTEGER;
ALTER TABLE registered_models ADD COLUMN deleted_name TEXT;
ALTER TABLE model_versions ADD COLUMN deleted_ms INTEGER;
