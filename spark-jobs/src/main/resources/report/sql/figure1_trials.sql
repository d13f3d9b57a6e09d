-- Candidate trials for the Figure-1 picture: OK trials on natural pixel order of Full and of the
-- methods whose layer 1 is an SE kernel, best test error first within each method and fraction.
-- The report takes the best Full trial (its learned features) and the SE trial nearest fraction
-- 0.1 (its alpha points and kernel predict those features), if the sweep kept their weights.
-- In a sweep with select, only the chosen values' trials (selected true; null without select).
-- Runs unchanged on Spark SQL and DuckDB, over views named trials and epochs.
SELECT trial_id, method, columns, fraction, test_error
FROM trials
WHERE status = 'OK' AND (selected IS NULL OR selected)
  AND permutation_seed IS NULL
  AND method IN ('Full', 'SE', 'SE-Emp', 'SE-Emp2', 'SE-Rand')
ORDER BY method, fraction, test_error, trial_id
