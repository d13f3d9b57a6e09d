package org.paramprediction.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.console.Console;
import org.paramprediction.console.Eta;

/**
 * One {@code bench} run: the selected sections in order, one table of all their figures, printed and
 * written. A section that throws does not stop the others: it adds an {@code error} row naming the
 * failure, and the run reports it (the caller turns it into a non-zero exit). Targets that are missed
 * are results, not failures. The console has a start line, one progress line per section (its time,
 * rows, elapsed and an ETA from the mean section time so far, whose label names that basis: sections
 * differ widely in length, so it is rough), the table and a summary; each section's own lines only
 * with {@code --verbose}.
 */
public final class BenchRun {

    /** The table written and the sections that failed. */
    public record Outcome(BenchTable table, List<BenchSection> failed) {}

    private BenchRun() {}

    /**
     * @param childMain the main class that child JVMs run ({@code bench --child ...}, {@code sweep ...}):
     *                  the project's command line, named by its caller
     */
    public static Outcome run(SparkSession spark, BenchPlan plan, String childMain, Console console)
            throws IOException {
        RunInfo info = RunInfo.now();
        long start = System.nanoTime();
        List<BenchSection> sections = plan.orderedSections();
        console.line("bench run %s on %s: sections %s%s; table to %s", info.runId(), info.machine(),
                sections.stream().map(BenchSection::id).toList(), plan.quick() ? " (--quick)" : "", plan.out());
        BenchContext ctx = new BenchContext(spark, plan, childMain, console.detailStream());
        List<BenchRow> rows = new ArrayList<>();
        List<BenchSection> failed = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            BenchSection section = sections.get(i);
            long sectionStart = System.nanoTime();
            console.detail(String.format("%n== %s ==", section.id()));
            console.live(String.format(Locale.ROOT, "[%d/%d] %s running...", i + 1, sections.size(), section.id()));
            int before = rows.size();
            try {
                rows.addAll(section.runner().run(ctx));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bench interrupted in section " + section.id(), e);
            } catch (Exception | OutOfMemoryError e) {
                failed.add(section);
                console.line("section %s FAILED: %s", section.id(), e);
                e.printStackTrace(console.stream());
                rows.add(BenchRow.of(section, "(section failed)", "error", Double.NaN, null).withNote(e.toString()));
            }
            double seconds = (System.nanoTime() - sectionStart) / 1e9;
            double elapsed = (System.nanoTime() - start) / 1e9;
            console.line("[%d/%d] %-10s %6.1f s, %d rows%s | elapsed %s, %s", i + 1, sections.size(), section.id(),
                    seconds, rows.size() - before, failed.contains(section) ? ", FAILED" : "", Eta.clock(elapsed),
                    Eta.describe(List.of(new Eta.Part("sections", sections.size() - i - 1, elapsed / (i + 1), 1))));
        }
        BenchTable table = new BenchTable(info, rows);
        BenchTableWriter.write(spark, table, plan.out());
        PrintStream out = console.stream();
        out.println();
        out.print(table.markdown());
        out.println();
        out.print(table.targets());
        out.printf(Locale.ROOT, "%nbench run %s: %.1f s; %d rows written to %s and %s%s%n", info.runId(),
                (System.nanoTime() - start) / 1e9, rows.size(), plan.out().resolve(BenchTableWriter.CSV),
                plan.out().resolve(BenchTableWriter.PARQUET),
                failed.isEmpty() ? "" : "; FAILED sections: " + failed.stream().map(BenchSection::id).toList());
        return new Outcome(table, List.copyOf(failed));
    }
}
