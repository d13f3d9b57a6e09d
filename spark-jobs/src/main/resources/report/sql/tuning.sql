-- The tuning of a sweep with select: every candidate's phase-1 trial (repeat 0) with its
-- learning rate and best validation error, and whether its value was chosen. Only validation
-- decided; test error is not read here. Empty for a sweep without select (selected is null).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT
  method
    || CASE WHEN length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
    || CASE WHEN NOT orthonormal AND method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
    || CASE WHEN alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
    || CASE WHEN grow_to IS NOT NULL THEN ' (grow)' ELSE '' END
    || CASE WHEN permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END
    || CASE WHEN distributed_mode IS NOT NULL THEN ' {' || distributed_mode || '}' ELSE '' END AS series,
  method,
  columns,
  fraction,
  learning_rate,
  status,
  best_valid_error,
  epochs_trained,
  selected
FROM trials
WHERE repeat = 0 AND selected IS NOT NULL
ORDER BY series, columns, fraction, learning_rate
