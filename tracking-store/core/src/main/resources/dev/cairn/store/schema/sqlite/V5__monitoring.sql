-- Cairn store schema, version 5: monitoring. Per labelled dataset the performance of each scored model version's
-- predictions (overall and per slice), paired tests between the dataset's own version and challengers; alert
-- rules per model; alerts (each also an 'alert' event in the model's append-only history).
CREATE TABLE monitor_predictors (
  id          INTEGER PRIMARY KEY,
  dataset_id  INTEGER NOT NULL REFERENCES drift_datasets(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  version     INTEGER NOT NULL,
  column_name TEXT NOT NULL,
  task        TEXT NOT NULL CHECK (task IN ('classification', 'regression')),
  positive    TEXT,
  UNIQUE (dataset_id, ordinal)
);

-- segment '' and slice_value '' is the whole dataset; metrics in monitor_metrics under the same key.
CREATE TABLE monitor_slices (
  predictor_id  INTEGER NOT NULL REFERENCES monitor_predictors(id) ON DELETE CASCADE,
  segment       TEXT NOT NULL,
  slice_value   TEXT NOT NULL,
  row_count     INTEGER NOT NULL,
  labelled      INTEGER NOT NULL,
  positive_rate REAL,
  PRIMARY KEY (predictor_id, segment, slice_value)
) WITHOUT ROWID;

CREATE TABLE monitor_metrics (
  predictor_id INTEGER NOT NULL REFERENCES monitor_predictors(id) ON DELETE CASCADE,
  segment      TEXT NOT NULL,
  slice_value  TEXT NOT NULL,
  ordinal      INTEGER NOT NULL,
  metric       TEXT NOT NULL,
  value        REAL NOT NULL,
  PRIMARY KEY (predictor_id, segment, slice_value, metric)
) WITHOUT ROWID;

-- the whole dataset's confusion matrix of a classification predictor (row = true label)
CREATE TABLE monitor_confusion (
  predictor_id INTEGER NOT NULL REFERENCES monitor_predictors(id) ON DELETE CASCADE,
  actual       TEXT NOT NULL,
  predicted    TEXT NOT NULL,
  count        INTEGER NOT NULL,
  PRIMARY KEY (predictor_id, actual, predicted)
) WITHOUT ROWID;

CREATE TABLE monitor_tests (
  dataset_id INTEGER NOT NULL REFERENCES drift_datasets(id) ON DELETE CASCADE,
  champion   INTEGER NOT NULL,
  challenger INTEGER NOT NULL,
  test       TEXT NOT NULL,
  statistic  REAL NOT NULL,
  p_value    REAL NOT NULL,
  row_count  INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, challenger)
) WITHOUT ROWID;

-- kind: metric (metric below/above threshold), drift_share (share of drifted columns above), slice_gap (gap of
-- metric over the slices of segment above); version NULL = every version of the model
CREATE TABLE monitor_rules (
  id          INTEGER PRIMARY KEY,
  model_id    INTEGER NOT NULL REFERENCES registered_models(id),
  version     INTEGER,
  kind        TEXT NOT NULL CHECK (kind IN ('metric', 'drift_share', 'slice_gap')),
  metric      TEXT,
  segment     TEXT,
  direction   TEXT NOT NULL CHECK (direction IN ('below', 'above')),
  threshold   REAL NOT NULL,
  for_batches INTEGER NOT NULL DEFAULT 1,
  created_ms  INTEGER NOT NULL
);

-- one alert per rule and batch; event_seq is its entry in model_events (no foreign key: the history is append-only and never truncated); delivered_ms set once --on-alert ran it
CREATE TABLE monitor_alerts (
  event_seq    INTEGER PRIMARY KEY,
  model_id     INTEGER NOT NULL REFERENCES registered_models(id),
  rule_id      INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  batch_ms     INTEGER NOT NULL,
  value        REAL NOT NULL,
  delivered_ms INTEGER,
  UNIQUE (rule_id, version, batch_ms)
);
