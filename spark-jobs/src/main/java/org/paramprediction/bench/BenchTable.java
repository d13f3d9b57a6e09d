package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole result of a {@code bench} run: its rows and the run they belong to. Renders itself as
 * Markdown (what the run prints), as CSV lines, and as the short list of targets; the Parquet copy
 * is written by {@link BenchTableWriter} from the same rows.
 */
public record BenchTable(RunInfo run, List<BenchRow> rows) {

    /** The CSV/Parquet columns, in order. */
    public static final List<String> COLUMNS = List.of("section", "item", "metric", "value", "unit", "baseline",
            "ratio", "target", "met", "note", "run_id", "started_at", "machine");

    public BenchTable {
        rows = List.copyOf(rows);
    }

    /** Header and one line per row, RFC 4180 quoting; numbers at full precision, empty for null. */
    public List<String> csvLines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS));
        for (BenchRow r : rows) {
            lines.add(Stream.of(r.section(), r.item(), r.metric(), text(r.value()), r.unit(), text(r.baseline()),
                    text(r.ratio()), r.target(), r.met() == null ? null : r.met().toString(), r.note(), run.runId(),
                    run.startedAt().toString(), run.machine()).map(BenchTable::csvField).collect(Collectors.joining(",")));
        }
        return lines;
    }

    /** The table as Markdown (run-level columns above it, not repeated per row). */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("run ").append(run.runId()).append(", started ").append(run.startedAt()).append(", ")
                .append(run.machine()).append("\n\n");
        b.append("| section | item | metric | value | unit | baseline | ratio | target | met | note |\n");
        b.append("|---|---|---|---:|---|---:|---:|---|---|---|\n");
        for (BenchRow r : rows) {
            b.append("| ").append(String.join(" | ", cell(r.section()), cell(r.item()), cell(r.metric()),
                    BenchNumbers.format(r.value()), cell(r.unit()), BenchNumbers.format(r.baseline()),
                    BenchNumbers.format(r.ratio()), cell(r.target()), r.met() == null ? "" : r.met() ? "yes" : "**no**",
                    cell(r.note()))).append(" |\n");
        }
        return b.toString();
    }

    /** One line per figure with a target: met or missed, the figure checked and the goal. */
    public String targets() {
        StringBuilder b = new StringBuilder("targets:\n");
        long met = 0;
        long total = 0;
        for (BenchRow r : rows) {
            if (r.target() == null) {
                continue;
            }
            total++;
            met += Boolean.TRUE.equals(r.met()) ? 1 : 0;
            Double figure = r.ratio() != null ? r.ratio() : r.value();
            b.append(String.format("  [%s] %s / %s / %s: %s %s %s%n", Boolean.TRUE.equals(r.met()) ? "met " : "MISS",
                    r.section(), r.item(), r.metric(), r.ratio() != null ? "ratio" : "value",
                    figure == null ? "n/a" : BenchNumbers.format(figure), "(target " + r.target() + ")"));
        }
        b.append(String.format("  %d of %d met%n", met, total));
        return b.toString();
    }

    private static String text(Double x) {
        return x == null ? null : x.toString();
    }

    private static String csvField(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
