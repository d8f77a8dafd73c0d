-- Cairn store schema, version 3: model registry (models, versions, stages, aliases, append-only history).
CREATE TABLE registered_models (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  description      TEXT,
  created_ms       INTEGER NOT NULL,
  updated_ms       INTEGER NOT NULL,
  rule_metric      TEXT,
  rule_goal        TEXT
);

CREATE TABLE registered_model_tags (
  model_id INTEGER NOT NULL REFERENCES registered_models(id),
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (model_id, key)
) WITHOUT ROWID;

CREATE TABLE model_versions (
  model_id    INTEGER NOT NULL REFERENCES registered_models(id),
  version     INTEGER NOT NULL,
  run_seq     INTEGER REFERENCES runs(seq),
  source      TEXT,
  status      TEXT NOT NULL,
  description TEXT,
  created_ms  INTEGER NOT NULL,
  updated_ms  INTEGER NOT NULL,
  user_name   TEXT,
  stage       TEXT NOT NULL DEFAULT 'None',
  PRIMARY KEY (model_id, version)
) WITHOUT ROWID;
CREATE INDEX model_versions_run ON model_versions(run_seq);

CREATE TABLE model_version_tags (
  model_id INTEGER NOT NULL,
  version  INTEGER NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (model_id, version, key),
  FOREIGN KEY (model_id, version) REFERENCES model_versions(model_id, version)
) WITHOUT ROWID;

-- one alias points at one version
CREATE TABLE model_aliases (
  model_id INTEGER NOT NULL REFERENCES registered_models(id),
  alias    TEXT NOT NULL,
  version  INTEGER NOT NULL,
  PRIMARY KEY (model_id, alias),
  FOREIGN KEY (model_id, version) REFERENCES model_versions(model_id, version)
) WITHOUT ROWID;

-- every change of stage or alias, append-only. slot is the stage name (slot_kind 'stage') or the alias
-- (slot_kind 'alias'); from_value/to_value are stages for stage events and version numbers for alias events;
-- replaced_version is the version a rollback took the slot from.
CREATE TABLE model_events (
  seq              INTEGER PRIMARY KEY,
  model_id         INTEGER NOT NULL REFERENCES registered_models(id),
  version          INTEGER,
  action           TEXT NOT NULL,
  slot_kind        TEXT,
  slot             TEXT,
  from_value       TEXT,
  to_value         TEXT,
  replaced_version INTEGER,
  forced           INTEGER NOT NULL DEFAULT 0,
  detail           TEXT,
  user_name        TEXT,
  time_ms          INTEGER NOT NULL,
  comment          TEXT
);
CREATE INDEX model_events_model ON model_events(model_id, seq);

CREATE TRIGGER model_events_no_update BEFORE UPDATE ON model_events BEGIN SELECT RAISE(ABORT, 'model history is append-only'); END;
CREATE TRIGGER model_events_no_delete BEFORE DELETE ON model_events BEGIN SELECT RAISE(ABORT, 'model history is append-only'); END;
