package org.paramprediction.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The SQL the report runs, one resource file each under {@code report/sql/} (in the source tree
 * {@code spark-jobs/src/main/resources/report/sql/}). Each query reads views named {@code trials}
 * and {@code epochs} (and {@code selections}, empty for a sweep without select) holding one sweep's rows, and is written in the SQL that Spark SQL and DuckDB
 * both accept: the report runs it on Spark, {@code notebooks/analysis.ipynb} and the tests on
 * DuckDB. The only parameter is the token {@value #TARGET_TOKEN}, replaced by a number.
 */
public enum ReportQuery {
    /** Test error per series, column count and fraction (OK trials): the main plot. */
    ERROR_BY_FRACTION,
    /** More columns against the fewest, paired by repeat: the gain in test error, in points. */
    COLUMNS_GAIN,
    /** The summary table, FAILED trials counted. */
    SUMMARY,
    /** Mean validation error per epoch of the final training. */
    LEARNING_CURVES,
    /** Epochs and seconds until the validation error first reaches a target. */
    TIME_TO_ACCURACY,
    /** Full and SE-layer-1 trials whose kept weights can draw the Figure-1 picture. */
    FIGURE1_TRIALS,
    /** Per factored series and column count, the smallest fraction within 0.5 points of Full. */
    WITHIN_FULL,
    /** Factored vs Downsized, permuted vs natural pixels, raw U, alternating U/V, growing: paired by repeat. */
    PAIRED_COMPARISONS,
    /** Every candidate of a sweep with select (the selections table), with its trial's series; empty otherwise. */
    TUNING,
    /** Every epoch of every trial of a sweep with a scheduler, with its status and rung; empty otherwise. */
    SCHEDULER_CURVES,
    /** Trials stopped and epochs trained under a scheduler, against the grid without it; empty otherwise. */
    SCHEDULER_SAVINGS;

    /** Replaced by the target validation error in {@link #TIME_TO_ACCURACY}. */
    public static final String TARGET_TOKEN = ":target_valid_error";

    /** The file name, e.g. {@code error_by_fraction.sql}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".sql";
    }

    /** The query text with {@value #TARGET_TOKEN} replaced by {@code targetValidError}. */
    public String sql(double targetValidError) {
        if (!(targetValidError >= 0 && targetValidError <= 1)) {
            throw new IllegalArgumentException("target validation error must be in [0, 1] but was " + targetValidError);
        }
        return text().replace(TARGET_TOKEN, Double.toString(targetValidError));
    }

    /** The file's text as shipped. */
    public String text() {
        String resource = "/report/sql/" + fileName();
        try (InputStream in = ReportQuery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
