-- What a scheduler saved: trials stopped, epochs of final training trained, and the most the same
-- grid trains without a scheduler (every trial to max_epochs; early stopping can end some sooner).
-- The best trial by validation among the complete ones, and its test error. Empty without a
-- scheduler (no row has a scheduler; the counts are then 0 and the query returns no row).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT
  MAX(scheduler) AS scheduler,
  COUNT(*) AS trials,
  SUM(CASE WHEN status = 'STOPPED' THEN 1 ELSE 0 END) AS stopped,
  SUM(CASE WHEN status = 'OK' THEN 1 ELSE 0 END) AS complete,
  SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
  SUM(epochs_trained) AS epochs,
  SUM(max_epochs) AS grid_epochs,
  MIN(CASE WHEN status = 'OK' THEN best_valid_error END) AS best_valid_error
FROM trials
WHERE scheduler IS NOT NULL
HAVING COUNT(*) > 0
