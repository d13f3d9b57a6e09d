-- Test error against the fraction of weights learned (the report's main plot and the notebook's).
-- One row per series, column count and fraction, over the OK trials of one sweep: the mean and the
-- sample standard deviation over seeds (null for a single seed), and the mean dynamic parameters.
-- A series is the method, marked " (tied l)" when the SE length scale is tied to the alpha density
-- and " [permuted]" when the pixels are permuted, " {data_parallel}" / " {columns}" when distributed,
-- " (raw U)" for a factored method without the orthonormal basis, " (alt U/V)" with alternating U/V
-- and " (grow)" with a growing fraction. Full has fraction 1 and 1 column; Downsized has
-- the fraction of the factored net whose budget it matches and 1 column.
-- In a sweep with select, only the chosen values' trials (selected true; null without select).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT
  series,
  method,
  columns,
  fraction,
  COUNT(*) AS trials,
  AVG(test_error) AS test_error_mean,
  STDDEV_SAMP(test_error) AS test_error_sd,
  AVG(best_valid_error) AS valid_error_mean,
  AVG(CAST(n_params_dynamic AS DOUBLE)) AS params_dynamic_mean
FROM (
  SELECT
    method
      || CASE WHEN length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
      || CASE WHEN NOT orthonormal AND method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
      || CASE WHEN alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
      || CASE WHEN grow_to IS NOT NULL THEN ' (grow)' ELSE '' END
      || CASE WHEN permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END
      || CASE WHEN distributed_mode IS NOT NULL THEN ' {' || distributed_mode || '}' ELSE '' END AS series,
    method, columns, fraction, test_error, best_valid_error, n_params_dynamic
  FROM trials
  WHERE status = 'OK' AND (selected IS NULL OR selected)
) ok
GROUP BY series, method, columns, fraction
ORDER BY series, columns, fraction
