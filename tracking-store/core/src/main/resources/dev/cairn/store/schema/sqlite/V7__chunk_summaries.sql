-- Cairn store schema, version 7: each metric chunk keeps a summary of its points in groups of 16 (step and time
-- bounds, min, max and last point per group; see ChunkSummary), written with the chunk, so a downsample merges
-- groups instead of decoding every point. Chunks of an older store get theirs when the store is migrated (the
-- migrator fills them in, in the same transaction); a NULL summary is still read, by decoding the chunk.
ALTER TABLE metric_chunks ADD COLUMN summary BLOB;
