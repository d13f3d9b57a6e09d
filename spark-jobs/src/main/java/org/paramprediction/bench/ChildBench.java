package org.paramprediction.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One section of the bench in a child JVM of its own ({@code bench --child --sections S}), for what
 * only a new JVM can change: the OpenBLAS kernel ({@code OPENBLAS_CORETYPE} is read when the library
 * loads) or the vector width ({@code -XX:UseAVX=N}). The child's table, its {@code blas} row first,
 * comes back as rows read from its {@code bench.parquet}; its console goes to {@code
 * <out>/logs/<section>-<tag>.log}.
 */
final class ChildBench {

    private ChildBench() {}

    static List<BenchRow> run(BenchContext ctx, BenchSection section, String tag, List<String> jvmFlags,
            Map<String, String> env) throws Exception {
        try (ScratchDir scratch = ScratchDir.create("bench-" + section.id() + "-" + tag + "-")) {
            List<String> args = List.of("bench", "--child", "--sections", section.id(), "--gemm-seconds",
                    String.valueOf(ctx.plan().gemmSeconds()), "--out", scratch.path().toString());
            Path log = ctx.plan().out().resolve("logs").resolve(section.id() + "-" + tag + ".log");
            ChildJvm.requireSuccess(ChildJvm.run(ctx.childMain(), "2g", jvmFlags, env, args, log, false), args);
            return ctx.spark().read().parquet(scratch.path().resolve(BenchTableWriter.PARQUET).toUri().toString())
                    .collectAsList().stream().map(ChildBench::row).toList();
        }
    }

    private static BenchRow row(Row r) {
        return new BenchRow(r.getAs("section"), r.getAs("item"), r.getAs("metric"), r.getAs("value"), r.getAs("unit"),
                r.getAs("baseline"), r.getAs("ratio"), r.getAs("target"), r.getAs("met"), r.getAs("note"));
    }

    /** The row of {@code section} and {@code metric} in a child's table. */
    static BenchRow find(List<BenchRow> rows, BenchSection section, String metric) {
        return rows.stream().filter(r -> r.section().equals(section.id()) && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + section.id() + " / " + metric + " row in "
                        + rows));
    }
}
