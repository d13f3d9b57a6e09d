-- The rung picture of a sweep with a scheduler: the validation error after every epoch of the final
-- training (stage 0) of every trial, with the trial's status (OK: it reached the last rung or ended
-- on its own; STOPPED by the scheduler), the rung it reached, and its series. Empty without a
-- scheduler (the scheduler column is null).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT
  t.trial_id,
  t.status,
  t.rung,
  t.method
    || CASE WHEN t.length_scale_factor > 0 THEN ' (tied l)' ELSE '' END
    || CASE WHEN NOT t.orthonormal AND t.method NOT IN ('Full', 'Downsized', 'LowRank') THEN ' (raw U)' ELSE '' END
    || CASE WHEN t.alternate_v_epochs IS NOT NULL THEN ' (alt U/V)' ELSE '' END
    || CASE WHEN t.permutation_seed IS NOT NULL THEN ' [permuted]' ELSE '' END AS series,
  e.epoch,
  e.valid_error
FROM epochs e
JOIN trials t ON e.trial_id = t.trial_id
WHERE t.scheduler IS NOT NULL AND e.stage = 0
ORDER BY t.trial_id, e.epoch
