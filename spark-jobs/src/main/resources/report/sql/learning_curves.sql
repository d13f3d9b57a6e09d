-- Learning curves: validation error after each epoch of the final training (stage 0), per
-- series, column count and fraction, averaged over the seeds (OK trials) that reached that epoch
-- (early stopping ends some trials sooner: trials says how many are averaged).
-- In a sweep with select, only the chosen values' trials (selected true; null without select).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT
  t.series,
  t.columns,
  t.fraction,
  e.epoch,
  COUNT(*) AS trials,
  AVG(e.valid_error) AS valid_error_mean,
  STDDEV_SAMP(e.valid_error) AS valid_error_sd,
  AVG(e.train_loss) AS train_loss_mean
FROM epochs e
JOIN (
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
) t ON e.trial_id = t.trial_id
WHERE e.stage = 0
GROUP BY t.series, t.columns, t.fraction, e.epoch
ORDER BY t.series, t.columns, t.fraction, e.epoch
