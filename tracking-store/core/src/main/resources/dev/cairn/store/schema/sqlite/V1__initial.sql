-- Cairn store schema, version 1: experiments, runs, params, tags, chunked metric series.
CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE experiments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT,
  created_ms  INTEGER NOT NULL,
  lifecycle   TEXT NOT NULL DEFAULT 'active',
  deleted_ms  INTEGER
);

CREATE TABLE experiment_tags (
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  key           TEXT NOT NULL,
  value         TEXT NOT NULL,
  PRIMARY KEY (experiment_id, key)
) WITHOUT ROWID;

CREATE TABLE runs (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  experiment_id  INTEGER NOT NULL REFERENCES experiments(id),
  name           TEXT,
  status         TEXT NOT NULL,
  start_ms       INTEGER,
  end_ms         INTEGER,
  user_name      TEXT,
  parent_seq     INTEGER REFERENCES runs(seq),
  lifecycle      TEXT NOT NULL DEFAULT 'active',
  deleted_ms     INTEGER,
  source_program TEXT,
  source_commit  TEXT,
  note           TEXT,
  artifact_uri   TEXT
);
CREATE INDEX runs_experiment_start ON runs(experiment_id, start_ms);
CREATE INDEX runs_parent ON runs(parent_seq);

CREATE TABLE run_tags (
  run_seq INTEGER NOT NULL REFERENCES runs(seq),
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (run_seq, key)
) WITHOUT ROWID;

-- interned param and metric key names
CREATE TABLE keys (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE params (
  run_seq INTEGER NOT NULL REFERENCES runs(seq),
  key_id  INTEGER NOT NULL REFERENCES keys(id),
  value   TEXT NOT NULL,
  num     REAL,
  PRIMARY KEY (run_seq, key_id)
) WITHOUT ROWID;
CREATE INDEX params_key_num ON params(key_id, num);

-- one row per (run, metric key): the aggregates a run table needs without reading series.
-- A NULL in last/min/max means NaN (SQLite stores NaN as NULL); the row itself means count >= 1.
CREATE TABLE metric_summaries (
  run_seq   INTEGER NOT NULL REFERENCES runs(seq),
  key_id    INTEGER NOT NULL REFERENCES keys(id),
  last      REAL,
  min       REAL,
  max       REAL,
  count     INTEGER NOT NULL,
  last_step INTEGER NOT NULL,
  last_ts   INTEGER NOT NULL,
  PRIMARY KEY (run_seq, key_id)
) WITHOUT ROWID;
CREATE INDEX metric_summaries_key_last ON metric_summaries(key_id, last);

-- metric points, encoded in chunks of up to 256 points (see ChunkCodec), with per-chunk summaries
-- so range reads and downsampling skip or summarise whole chunks.
CREATE TABLE metric_chunks (
  run_seq   INTEGER NOT NULL,
  key_id    INTEGER NOT NULL,
  chunk_no  INTEGER NOT NULL,
  n         INTEGER NOT NULL,
  min_step  INTEGER NOT NULL,
  max_step  INTEGER NOT NULL,
  min_ts    INTEGER NOT NULL,
  max_ts    INTEGER NOT NULL,
  vmin      REAL,
  vmax      REAL,
  last_val  REAL,
  last_step INTEGER NOT NULL,
  last_ts   INTEGER NOT NULL,
  data      BLOB NOT NULL,
  PRIMARY KEY (run_seq, key_id, chunk_no)
) WITHOUT ROWID;

CREATE TABLE dataset_inputs (
  run_seq INTEGER NOT NULL REFERENCES runs(seq),
  name    TEXT NOT NULL,
  digest  TEXT NOT NULL DEFAULT '',
  source  TEXT,
  schema  TEXT,
  context TEXT,
  PRIMARY KEY (run_seq, name, digest)
) WITHOUT ROWID;

CREATE TABLE artifacts (
  run_seq INTEGER NOT NULL REFERENCES runs(seq),
  path    TEXT NOT NULL,
  size    INTEGER,
  PRIMARY KEY (run_seq, path)
) WITHOUT ROWID;
