-- The summary table (summary.md): one row per series, column count and fraction, over every
-- trial of one sweep, FAILED ones counted. Errors are means (and sample standard deviation) over
-- the OK trials; seconds is the mean wall time of a trial.
-- In a sweep with select, only the chosen values' trials (selected true; null without select).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT
  series,
  columns,
  fraction,
  COUNT(*) AS trials,
  SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
  AVG(CASE WHEN status = 'OK' THEN test_error END) AS test_error_mean,
  STDDEV_SAMP(CASE WHEN status = 'OK' THEN test_error END) AS test_error_sd,
  AVG(CASE WHEN status = 'OK' THEN best_valid_error END) AS valid_error_mean,
  MAX(n_params_dynamic) AS params_dynamic,
  AVG(CASE WHEN status = 'OK' THEN CAST(epochs_trained AS DOUBLE) END) AS epochs_mean,
  AVG(seconds) AS seconds_mean
FROM (
  SELECT
    method
      || CASE WHEN length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
      || CASE WHEN NOT orthonormal AND method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
      || CASE WHEN alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
      || CASE WHEN grow_to IS NOT NULL THEN ' (grow)' ELSE '' END
      || CASE WHEN permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END
      || CASE WHEN distributed_mode IS NOT NULL THEN ' {' || distributed_mode || '}' ELSE '' END AS series,
    *
  FROM trials
  WHERE selected IS NULL OR selected
) t
GROUP BY series, columns, fraction
ORDER BY series, columns, fraction
