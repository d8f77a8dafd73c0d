-- Cairn store schema, version 2 (PostgreSQL): run provenance and change tracking for live viewers.
CREATE TABLE provenance (
  run_seq        bigint PRIMARY KEY REFERENCES runs(seq),
  writer         text COLLATE "C" NOT NULL,
  writer_version text COLLATE "C",
  host           text COLLATE "C",
  os             text COLLATE "C",
  java_version   text COLLATE "C",
  source_ref     text COLLATE "C",
  recorded_ms    bigint NOT NULL
);

ALTER TABLE runs ADD COLUMN change_seq bigint NOT NULL DEFAULT 0;
CREATE INDEX runs_change_seq ON runs(change_seq);

INSERT INTO store_meta(key, value) VALUES ('change_seq', '0')
  ON CONFLICT(key) DO NOTHING;

-- ordering by a metric's min or max, and the default newest-first order, walk an index instead of sorting
CREATE INDEX metric_summaries_key_min ON metric_summaries(key_id, min, run_seq);
CREATE INDEX metric_summaries_key_max ON metric_summaries(key_id, max, run_seq);
CREATE INDEX runs_start ON runs(start_ms);
