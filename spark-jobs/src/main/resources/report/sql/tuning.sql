-- The tuning of a sweep with select: every candidate of every configuration (the selections table,
-- written when phase 1 is complete) with its phase-1 trial's validation metric and whether it was
-- chosen, and the series, column count and fraction of that trial. Only validation decided; test
-- error is not read here. Empty for a sweep without select (its selections view is empty).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials, epochs and selections.
SELECT
  t.method
    || CASE WHEN t.length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
    || CASE WHEN NOT t.orthonormal AND t.method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
    || CASE WHEN t.alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
    || CASE WHEN t.grow_to IS NOT NULL THEN ' (grow)' ELSE '' END
    || CASE WHEN t.permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END
    || CASE WHEN t.distributed_mode IS NOT NULL THEN ' {' || t.distributed_mode || '}' ELSE '' END AS series,
  t.method,
  t.columns,
  t.fraction,
  s.configuration,
  s.candidate,
  s.value,
  s.status,
  s.metric,
  s.metric_value,
  s.selected,
  t.epochs_trained
FROM selections s
JOIN trials t ON t.trial_id = s.trial_id
ORDER BY s.configuration, s.candidate
