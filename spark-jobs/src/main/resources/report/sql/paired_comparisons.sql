-- The paper's and the reviewers' paired questions, each trial against its twin of the same repeat
-- (seeds derive from each configuration, so a pair shares its repeat index, not its random
-- numbers): gain_points = 100 * (baseline's test error - the series' test error), positive when
-- the series is better; mean and sample sd over the pairs, with both sides' mean test error and
-- dynamic parameters.
--   factored vs Downsized   each factored series (orthonormal or LowRank, fixed U, fixed fraction)
--                           against Downsized at the same fraction, so the same dynamic parameters
--   permuted vs natural     a series on permuted pixels against the same configuration in order
--   raw vs orthonormal U    SE-Emp etc. without the orthonormal basis against with it
--   alternating U/V         against fixed U, same fraction and columns
--   growing fraction        against the fixed fraction it starts from (its final fraction and
--                           parameters are those of the kept network)
-- Twins also agree on the budget and the architecture (train_size, max_epochs, hidden) and, in a
-- sweep without select, on the learning rate (with select each side has its own chosen rate).
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
    method, columns, fraction, repeat AS rep, test_error, CAST(n_params_dynamic AS DOUBLE) AS params,
    COALESCE(final_fraction, fraction) AS final_fraction, COALESCE(permutation_seed, 0) AS pixels,
    orthonormal OR method IN ('Full', 'Downsized', 'LowRank') AS basis_as_method,
    alternate_v_epochs IS NULL AND grow_to IS NULL AND distributed_mode IS NULL AS plain,
    COALESCE(length_scale_factor, 0) AS lsf, orthonormal, alternate_v_epochs, grow_to, distributed_mode,
    CAST(train_size AS STRING) || '/' || CAST(max_epochs AS STRING) || '/' || hidden || '/'
      || CASE WHEN selected IS NULL THEN CAST(learning_rate AS STRING) ELSE 'chosen' END AS budget
  FROM trials
  WHERE status = 'OK' AND (selected IS NULL OR selected)
),
pairs AS (
  SELECT 'factored vs Downsized' AS comparison, a.series, b.series AS baseline, a.columns, a.fraction,
    a.test_error AS e, b.test_error AS e0, a.params AS p, b.params AS p0, a.final_fraction AS ff
  FROM ok a
  JOIN ok b ON b.method = 'Downsized' AND b.fraction = a.fraction AND b.rep = a.rep AND b.pixels = a.pixels
    AND b.budget = a.budget AND b.distributed_mode IS NULL
  WHERE a.method NOT IN ('Full', 'Downsized') AND a.plain AND a.basis_as_method
  UNION ALL
  SELECT 'permuted vs natural pixels', a.series, b.series, a.columns, a.fraction,
    a.test_error, b.test_error, a.params, b.params, a.final_fraction
  FROM ok a
  JOIN ok b ON b.method = a.method AND b.columns = a.columns AND b.fraction = a.fraction AND b.rep = a.rep
    AND b.pixels = 0 AND b.lsf = a.lsf AND b.orthonormal = a.orthonormal AND b.plain AND b.budget = a.budget
  WHERE a.pixels <> 0 AND a.plain
  UNION ALL
  SELECT
    CASE WHEN a.grow_to IS NOT NULL THEN 'growing vs fixed fraction'
         WHEN a.alternate_v_epochs IS NOT NULL THEN 'alternating U/V vs fixed U'
         ELSE 'raw vs orthonormal U' END,
    a.series, b.series, a.columns, a.fraction, a.test_error, b.test_error, a.params, b.params, a.final_fraction
  FROM ok a
  JOIN ok b ON b.method = a.method AND b.columns = a.columns AND b.fraction = a.fraction AND b.rep = a.rep
    AND b.pixels = a.pixels AND b.lsf = a.lsf AND b.plain AND b.basis_as_method AND b.budget = a.budget
  WHERE a.distributed_mode IS NULL AND a.method NOT IN ('Full', 'Downsized')
    AND (a.grow_to IS NOT NULL OR a.alternate_v_epochs IS NOT NULL OR NOT a.basis_as_method)
)
SELECT
  comparison,
  series,
  baseline,
  columns,
  fraction,
  COUNT(*) AS pairs,
  AVG(e) AS test_error_mean,
  AVG(e0) AS baseline_test_error_mean,
  AVG(100 * (e0 - e)) AS gain_points_mean,
  STDDEV_SAMP(100 * (e0 - e)) AS gain_points_sd,
  AVG(p) AS params_mean,
  AVG(p0) AS baseline_params_mean,
  AVG(ff) AS final_fraction_mean
FROM pairs
GROUP BY comparison, series, baseline, columns, fraction
ORDER BY comparison, series, columns, fraction
