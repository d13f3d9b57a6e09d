package org.paramprediction.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code bench} run: the selected sections in order, one table of all their figures, printed and
 * written. A section that throws does not stop the others: it adds an {@code error} row naming the
 * failure, and the run reports it (the caller turns it into a non-zero exit). Targets that are missed
 * are results, not failures.
 */
public final class BenchRun {

    /** The table written and the sections that failed. */
    public record Outcome(BenchTable table, List<BenchSection> failed) {}

    private BenchRun() {}

    /**
     * @param childMain the main class that child JVMs run ({@code bench --child ...}, {@code sweep ...}):
     *                  the project's command line, named by its caller
     */
    public static Outcome run(SparkSession spark, BenchPlan plan, String childMain, PrintStream log)
            throws IOException {
        RunInfo info = RunInfo.now();
        long start = System.nanoTime();
        log.printf("bench run %s on %s: sections %s%s; table to %s%n", info.runId(), info.machine(),
                plan.orderedSections().stream().map(BenchSection::id).toList(), plan.quick() ? " (--quick)" : "",
                plan.out());
        BenchContext ctx = new BenchContext(spark, plan, childMain, log);
        List<BenchRow> rows = new ArrayList<>();
        List<BenchSection> failed = new ArrayList<>();
        for (BenchSection section : plan.orderedSections()) {
            long sectionStart = System.nanoTime();
            log.printf("%n== %s ==%n", section.id());
            try {
                rows.addAll(section.runner().run(ctx));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bench interrupted in section " + section.id(), e);
            } catch (Exception | OutOfMemoryError e) {
                failed.add(section);
                log.printf("section %s FAILED: %s%n", section.id(), e);
                e.printStackTrace(log);
                rows.add(BenchRow.of(section, "(section failed)", "error", Double.NaN, null).withNote(e.toString()));
            }
            log.printf(Locale.ROOT, "== %s: %.1f s ==%n", section.id(), (System.nanoTime() - sectionStart) / 1e9);
        }
        BenchTable table = new BenchTable(info, rows);
        BenchTableWriter.write(spark, table, plan.out());
        log.println();
        log.print(table.markdown());
        log.println();
        log.print(table.targets());
        log.printf(Locale.ROOT, "%nbench run %s: %.1f s; %d rows written to %s and %s%s%n", info.runId(),
                (System.nanoTime() - start) / 1e9, rows.size(), plan.out().resolve(BenchTableWriter.CSV),
                plan.out().resolve(BenchTableWriter.PARQUET),
                failed.isEmpty() ? "" : "; FAILED sections: " + failed.stream().map(BenchSection::id).toList());
        return new Outcome(table, List.copyOf(failed));
    }
}
