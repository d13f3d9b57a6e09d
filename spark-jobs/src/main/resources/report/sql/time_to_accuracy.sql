-- Time and epochs to reach a validation error of at most :target_valid_error (the caller puts a
-- number in place of that token, e.g. 0.15 for 85% validation accuracy).
-- Per trial: the first epoch of the final training (stage 0) whose validation error is at most the
-- target, and the seconds spent until the end of that epoch, counting the pre-training stages
-- (which run first, stage 1, 2, ...) and evaluation, but not building dictionaries.
-- Per series, column count and fraction: OK trials, how many reached the target, and over those
-- the mean epochs and seconds (sample standard deviation of seconds).
-- In a sweep with select, only the chosen values' trials (selected true; null without select).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
WITH timeline AS (
  SELECT
    trial_id, stage, epoch, valid_error,
    SUM(seconds) OVER (
      PARTITION BY trial_id
      ORDER BY CASE WHEN stage = 0 THEN 1000000 ELSE stage END, epoch
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS elapsed_seconds
  FROM epochs
),
first_reach AS (
  SELECT trial_id, MIN(epoch) AS epoch
  FROM timeline
  WHERE stage = 0 AND valid_error <= :target_valid_error
  GROUP BY trial_id
),
reach AS (
  SELECT f.trial_id, f.epoch, tl.elapsed_seconds
  FROM first_reach f
  JOIN timeline tl ON tl.trial_id = f.trial_id AND tl.stage = 0 AND tl.epoch = f.epoch
),
ok AS (
  SELECT
    trial_id,
    method
      || CASE WHEN length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
      || CASE WHEN NOT orthonormal AND method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
      || CASE WHEN alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
      || CASE WHEN grow_to IS NOT NULL THEN ' (grow)' ELSE '' END
      || CASE WHEN permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END
      || CASE WHEN distributed_mode IS NOT NULL THEN ' {' || distributed_mode || '}' ELSE '' END AS series,
    columns, fraction
  FROM trials
  WHERE status = 'OK' AND (selected IS NULL OR selected)
)
SELECT
  ok.series,
  ok.columns,
  ok.fraction,
  COUNT(*) AS trials,
  COUNT(reach.trial_id) AS reached,
  AVG(CAST(reach.epoch AS DOUBLE)) AS epochs_mean,
  AVG(reach.elapsed_seconds) AS seconds_mean,
  STDDEV_SAMP(reach.elapsed_seconds) AS seconds_sd
FROM ok
LEFT JOIN reach ON reach.trial_id = ok.trial_id
GROUP BY ok.series, ok.columns, ok.fraction
ORDER BY ok.series, ok.columns, ok.fraction
