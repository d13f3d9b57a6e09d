package org.paramprediction.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.paramprediction.results.ResultStore;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.results.TrialTable;

/**
 * The end-of-sweep table: test error by method, fraction, columns and how the trial was trained
 * (in one task, or distributed: mode/partitions; with alternating U/V phases or a growing fraction),
 * over repeats, from the Parquet output. The
 * committed trial rows are read and grouped on the driver (a few rows; a Spark SQL query would
 * spend seconds planning and generating code for them).
 */
public final class SummaryTable {

    private SummaryTable() {}

    /** One row of the table: a (method, fraction, columns, trained) group of trials. */
    record Group(String method, double fraction, int columns, String trained) {
        static final Comparator<Group> ORDER = Comparator.comparing(Group::method)
                .thenComparingDouble(Group::fraction).thenComparingInt(Group::columns).thenComparing(Group::trained);
    }

    public static void print(Configuration conf, String trialsDir, PrintStream out) {
        print(conf, trialsDir, out, false);
    }

    /**
     * With {@code selectedOnly} (a sweep with a {@code select} section), only the trials of the chosen
     * values ({@code selected = true}); the candidates' phase-1 trials are in the selection summary.
     */
    public static void print(Configuration conf, String trialsDir, PrintStream out, boolean selectedOnly) {
        Map<Group, List<Row>> groups = new TreeMap<>(Group.ORDER);
        for (Row r : ResultStore.committedTrials(conf, trialsDir)) {
            if (selectedOnly && !Boolean.TRUE.equals(r.getAs(TrialTable.SELECTED))) {
                continue;
            }
            groups.computeIfAbsent(new Group(r.getAs("method"), r.<Double>getAs("fraction"), r.<Integer>getAs("columns"),
                    trained(r)), g -> new ArrayList<>()).add(r);
        }
        out.println();
        if (selectedOnly) {
            out.println("chosen values only (selected = true):");
        }
        out.println("| method     | fraction | columns | trained         | trials | failed | test error (mean ± sd) | valid error | dynamic params | s/trial |");
        out.println("|------------|----------|---------|-----------------|--------|--------|------------------------|-------------|----------------|---------|");
        for (Map.Entry<Group, List<Row>> e : groups.entrySet()) {
            Group g = e.getKey();
            List<Row> rows = e.getValue();
            List<Row> ok = rows.stream().filter(r -> TrialOutcome.OK.equals(r.getAs("status"))).toList();
            double[] test = values(ok, "test_error");
            double sd = sampleSd(test);
            out.printf(Locale.ROOT, "| %-10s | %8.3f | %7d | %-15s | %6d | %6d | %10.4f ± %-9s | %11.4f | %,14.0f | %7.1f |%n",
                    g.method(), g.fraction(), g.columns(), g.trained(), rows.size(),
                    rows.stream().filter(r -> TrialOutcome.FAILED.equals(r.getAs("status"))).count(),
                    mean(test), Double.isNaN(sd) ? "-" : String.format(Locale.ROOT, "%.4f", sd),
                    mean(values(ok, "best_valid_error")), mean(values(rows, "n_params_dynamic")),
                    mean(values(rows, "seconds")));
        }
    }

    /**
     * How a trial was trained: {@code single task} or {@code mode/partitions}, then {@code , U/V v/u}
     * for alternating U/V phases and {@code , grow to t} for a growing fraction (null in rows
     * written before schema 5).
     */
    private static String trained(Row r) {
        String mode = r.getAs("distributed_mode");
        Object partitions = r.getAs("partitions");
        StringBuilder s = new StringBuilder(mode == null || partitions == null ? "single task" : mode + "/" + partitions);
        Object v = r.getAs("alternate_v_epochs");
        Object u = r.getAs("alternate_u_epochs");
        if (v != null && u != null) {
            s.append(", U/V ").append(v).append('/').append(u);
        }
        Object growTo = r.getAs("grow_to");
        if (growTo != null) {
            s.append(", grow to ").append(growTo);
        }
        return s.toString();
    }

    /** The non-null values of a numeric column. */
    private static double[] values(List<Row> rows, String column) {
        return rows.stream().map(r -> r.getAs(column)).filter(v -> v != null)
                .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** The sample standard deviation (n - 1), NaN below two values, as SQL's stddev_samp. */
    private static double sampleSd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
