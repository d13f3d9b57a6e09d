-- The gain of more columns, paired by repeat: for each factored series and fraction, the test error
-- with the fewest columns the series ran with minus the test error with each larger column count,
-- trial against trial of the same repeat (0, 1, 2, ...), in percentage points (positive: more
-- columns help). Mean and sample standard deviation over the pairs (null for a single pair).
-- Seeds derive from each trial's own configuration, so a pair shares its repeat index, not its
-- random numbers: the sd is that of a difference of two independent runs.
-- In a sweep with select, only the chosen values' trials (selected true; null without select).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
WITH ok AS (
  SELECT
    method
      || CASE WHEN length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
      || CASE WHEN NOT orthonormal AND method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
      || CASE WHEN alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
      || CASE WHEN grow_to IS NOT NULL THEN ' (grow)' ELSE '' END
      || CASE WHEN permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END
      || CASE WHEN distributed_mode IS NOT NULL THEN ' {' || distributed_mode || '}' ELSE '' END AS series,
    method, columns, fraction, repeat AS rep, test_error
  FROM trials
  WHERE status = 'OK' AND method NOT IN ('Full', 'Downsized') AND (selected IS NULL OR selected)
),
fewest AS (
  SELECT series, fraction, MIN(columns) AS columns
  FROM ok
  GROUP BY series, fraction
)
SELECT
  more.series,
  more.method,
  f.columns AS base_columns,
  more.columns,
  more.fraction,
  COUNT(*) AS pairs,
  AVG(100 * (base.test_error - more.test_error)) AS gain_points_mean,
  STDDEV_SAMP(100 * (base.test_error - more.test_error)) AS gain_points_sd
FROM fewest f
JOIN ok base ON base.series = f.series AND base.fraction = f.fraction AND base.columns = f.columns
JOIN ok more ON more.series = f.series AND more.fraction = f.fraction AND more.columns > f.columns
  AND more.rep = base.rep
GROUP BY more.series, more.method, f.columns, more.columns, more.fraction
ORDER BY more.series, more.columns, more.fraction
