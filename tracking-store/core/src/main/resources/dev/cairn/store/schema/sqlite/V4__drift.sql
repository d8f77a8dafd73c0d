-- Cairn store schema, version 4: data drift. Per model version one reference dataset and any number of
-- batches, each with its row count, per-column profiles and a bounded reservoir sample stored column-wise.
CREATE TABLE drift_datasets (
  id          INTEGER PRIMARY KEY,
  model_id    INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('reference', 'batch')),
  time_ms     INTEGER,
  row_count   INTEGER NOT NULL,
  sample_size INTEGER NOT NULL,
  source      TEXT,
  perf_metric TEXT,
  perf_value  REAL,
  created_ms  INTEGER NOT NULL,
  FOREIGN KEY (model_id, version) REFERENCES model_versions(model_id, version)
);
CREATE UNIQUE INDEX drift_datasets_one_reference ON drift_datasets(model_id, version) WHERE kind = 'reference';
CREATE INDEX drift_datasets_batches ON drift_datasets(model_id, version, kind, time_ms);

-- one row per column of a dataset: the profile (scalars + encoded blobs) and the sampled values.
-- sample: numeric/datetime columns raw little-endian doubles (NaN = missing); categorical/boolean columns
-- int codes into dictionary (-1 = missing). quantiles/hist_*: doubles/longs; value_counts: the exact counts.
CREATE TABLE drift_columns (
  dataset_id   INTEGER NOT NULL REFERENCES drift_datasets(id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,
  role         TEXT NOT NULL,
  present      INTEGER NOT NULL,
  missing      INTEGER NOT NULL,
  min_value    REAL,
  max_value    REAL,
  mean_value   REAL,
  std_value    REAL,
  quantiles    BLOB,
  hist_edges   BLOB,
  hist_counts  BLOB,
  value_counts BLOB,
  other_count  INTEGER NOT NULL DEFAULT 0,
  sample       BLOB,
  dictionary   BLOB,
  PRIMARY KEY (dataset_id, ordinal)
) WITHOUT ROWID;

-- per model: the dataset drift share (column_name '') and per-column test and threshold overrides.
CREATE TABLE drift_settings (
  model_id    INTEGER NOT NULL REFERENCES registered_models(id),
  column_name TEXT NOT NULL,
  test_id     TEXT,
  threshold   REAL,
  share       REAL,
  PRIMARY KEY (model_id, column_name)
) WITHOUT ROWID;
