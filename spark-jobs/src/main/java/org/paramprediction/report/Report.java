package org.paramprediction.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The report of one sweep: runs the SQL of {@link ReportQuery} on Spark over the sweep's Parquet
 * output and writes PNG plots (XChart), {@code summary.md} and {@code index.html} into the output
 * directory. Every chart keeps to the rules of {@link Panels} (at most {@value Panels#MAX_SERIES}
 * series a panel, small multiples with shared axes beyond that, the legend outside the plot) and
 * of {@link SeriesStyle} (one colour and marker per method, the same in every chart). A plot whose data the sweep lacks (no Downsized, one column count, no kept weights,
 * target never reached) is skipped with a note in {@code index.html}.
 *
 * @param targetValidError the validation error of the time-to-accuracy plots (1 - target accuracy)
 */
public record Report(String sweepId, String results, Path out, double targetValidError) {

    public Report {
        if (!(targetValidError >= 0 && targetValidError <= 1)) {
            throw new IllegalArgumentException("target accuracy must be in [0, 1] but was " + (1 - targetValidError));
        }
    }

    /** Writes the report; returns its figures (written and skipped). */
    public List<Figure> write(SparkSession spark) {
        System.setProperty("java.awt.headless", "true");
        SweepTables tables = new SweepTables(spark, results, sweepId);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create report directory " + out + ": " + e.getMessage(), e);
        }
        QueryRows errors = run(tables, ReportQuery.ERROR_BY_FRACTION);
        List<Figure> figures = new ArrayList<>();
        ErrorPlots plots = new ErrorPlots(errors, out);
        figures.addAll(plots.errorVsFraction());
        figures.add(new ColumnGainPlot(out).draw(run(tables, ReportQuery.COLUMNS_GAIN)));
        figures.add(plots.budget());
        CurvePlots curves = new CurvePlots(out);
        figures.addAll(curves.learningCurves(run(tables, ReportQuery.LEARNING_CURVES)));
        figures.addAll(curves.timeToAccuracy(run(tables, ReportQuery.TIME_TO_ACCURACY), targetValidError));
        figures.add(new FeaturePicture(tables, out).draw(run(tables, ReportQuery.FIGURE1_TRIALS)));
        Figure rungs = new SchedulerPicture(out).draw(run(tables, ReportQuery.SCHEDULER_CURVES));
        if (rungs.written()) { // only sweeps with a scheduler have it
            figures.add(rungs);
        }
        QueryRows tuningRows = run(tables, ReportQuery.TUNING);
        TuningPage tuning = new TuningPage(out);
        Figure tuningChart = tuning.draw(tuningRows);
        String summary = SummaryMarkdown.render(sweepId, run(tables, ReportQuery.SUMMARY))
                + SummaryMarkdown.claims(run(tables, ReportQuery.WITHIN_FULL), run(tables, ReportQuery.PAIRED_COMPARISONS),
                        run(tables, ReportQuery.COLUMNS_GAIN))
                + TuningPage.chosenMarkdown(tuningRows)
                + SchedulerPicture.markdown(run(tables, ReportQuery.SCHEDULER_SAVINGS));
        writeText("summary.md", summary);
        if (!tuningRows.isEmpty()) {
            writeText(TuningPage.FILE, tuning.html(sweepId, tuningChart, tuningRows));
        }
        writeText("index.html", IndexPage.render(sweepId, results, figures, summary,
                tuningRows.isEmpty() ? null : TuningPage.FILE));
        List<Figure> all = new ArrayList<>(figures);
        if (tuningChart.written()) {
            all.add(tuningChart);
        }
        return all;
    }

    private QueryRows run(SweepTables tables, ReportQuery q) {
        return tables.query(q.sql(targetValidError));
    }

    private void writeText(String name, String text) {
        try {
            Files.writeString(out.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
