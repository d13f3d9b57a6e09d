-- How few weights suffice: for each factored series and column count, the smallest fraction whose
-- mean test error is within 0.5 points of Full's (Full on the same pixel order), with the test
-- error there and Full's (mean and sample sd over seeds, OK trials). fraction_within is null when
-- no fraction of the sweep comes that close; largest_fraction is the largest the series ran.
-- Downsized and growing-fraction series are left out (a growing trial ends at another fraction
-- than it starts from: paired_comparisons.sql compares it).
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
    method, columns, fraction, COALESCE(permutation_seed, 0) AS pixels, test_error,
    grow_to IS NOT NULL AS grown
  FROM trials
  WHERE status = 'OK' AND (selected IS NULL OR selected)
),
full_net AS (
  SELECT pixels, AVG(test_error) AS m, STDDEV_SAMP(test_error) AS sd, COUNT(*) AS n
  FROM ok
  WHERE method = 'Full'
  GROUP BY pixels
),
cells AS (
  SELECT series, columns, fraction, pixels, AVG(test_error) AS m, STDDEV_SAMP(test_error) AS sd, COUNT(*) AS n
  FROM ok
  WHERE method NOT IN ('Full', 'Downsized') AND NOT grown
  GROUP BY series, columns, fraction, pixels
),
first_within AS (
  SELECT c.series, c.columns, c.pixels,
    MIN(CASE WHEN c.m <= f.m + 0.005 THEN c.fraction END) AS fraction_within,
    MAX(c.fraction) AS largest_fraction
  FROM cells c
  JOIN full_net f ON f.pixels = c.pixels
  GROUP BY c.series, c.columns, c.pixels
)
SELECT
  w.series,
  w.columns,
  w.fraction_within,
  w.largest_fraction,
  c.n AS trials,
  c.m AS test_error_mean,
  c.sd AS test_error_sd,
  f.m AS full_test_error_mean,
  f.sd AS full_test_error_sd,
  100 * (c.m - f.m) AS gap_points
FROM first_within w
JOIN full_net f ON f.pixels = w.pixels
LEFT JOIN cells c ON c.series = w.series AND c.columns = w.columns AND c.pixels = w.pixels
  AND c.fraction = w.fraction_within
ORDER BY w.fraction_within IS NULL, w.fraction_within, w.series, w.columns
