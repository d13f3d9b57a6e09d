package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.platform.BlasCheck;

/**
 * {@code bench} end to end on its cheapest section (the gemm limit, {@code --quick}, with one forced
 * kernel in a child JVM), on the test JVM's shared SparkSession, and its refusals of bad input: exit 2, the option and the bad value
 * named, nothing written.
 */
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void quickGemmSectionWritesTheTableAsCsvAndParquet() throws IOException {
        SharedSpark.session(); // the command reuses a running session and leaves it running
        Path out = tmp.resolve("bench");
        CliRun r = CliRun.of("bench", "--sections", "gemm", "--quick", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| gemm | Full 784-500-500-10 step"), r.out());
        assertTrue(r.out().contains("targets:"), r.out());

        List<String> csv = Files.readAllLines(out.resolve("bench.csv"));
        assertEquals("section,item,metric,value,unit,baseline,ratio,target,met,note,run_id,started_at,machine",
                csv.get(0));
        // blas row; this JVM's three gemm figures; child JVMs with the chosen kernel and with Prescott
        // forced (--quick's list), and the comparison of the two
        assertEquals(1 + 1 + 3 + 3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("blas,OpenBLAS " + BlasCheck.report().core() + " kernel,sgemm 512^3 probe,"),
                csv.get(1));
        for (String metric : List.of("Nd4j.gemm rate", "cblas_sgemm rate", "gemm limit")) {
            assertTrue(csv.stream().anyMatch(l -> l.startsWith("gemm,") && l.contains("," + metric + ",")),
                    metric + " in " + csv);
        }
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("gemm,OPENBLAS_CORETYPE=Prescott (Prescott),gemm limit,")),
                "the child JVM ran the forced kernel: " + csv);
        List<Row> rows = SharedSpark.session().read().parquet(out.resolve("bench.parquet").toString())
                .filter("section = 'gemm'").collectAsList();
        assertEquals(6, rows.size());
        for (Row row : rows) {
            double gflops = row.getAs("value");
            assertTrue(gflops > 1 && gflops < 10_000, "a plausible GFLOP/s figure: " + gflops);
        }
        Row comparison = rows.stream().filter(x -> ((String) x.getAs("item")).startsWith("chosen kernel")).findFirst()
                .orElseThrow();
        assertEquals(">= 0.9", comparison.getAs("target"));
        double ratio = comparison.getAs("ratio");
        assertEquals((double) comparison.getAs("value") / (double) comparison.getAs("baseline"), ratio, 1e-9);
        assertFalse(SharedSpark.session().sparkContext().isStopped(), "the shared session keeps running");
    }

    @Test
    void quickKernelsSectionTimesThreeVectorWidths() throws IOException {
        SharedSpark.session();
        Path out = tmp.resolve("kernels");
        CliRun r = CliRun.of("bench", "--sections", "kernels", "--quick", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> kernels = Files.readAllLines(out.resolve("bench.csv")).stream()
                .filter(l -> l.startsWith("kernels,")).toList();
        for (String where : List.of("this JVM", "child JVM -XX:UseAVX=2", "child JVM -XX:UseAVX=0")) {
            assertEquals(4, kernels.stream().filter(l -> l.contains(", " + where + "\"")).count(), where + ": " + kernels);
        }
        assertTrue(kernels.stream().anyMatch(l -> l.contains("128-bit") && l.contains("UseAVX=0")
                && l.contains("training in that JVM uses portable")), "below AVX2 training runs portable: " + kernels);
        java.util.regex.Pattern ulps = java.util.regex.Pattern.compile("results ([0-9.]+) ulps apart");
        for (String l : kernels) {
            java.util.regex.Matcher m = ulps.matcher(l);
            assertTrue(m.find() && Double.parseDouble(m.group(1)) <= 2, "vector and portable within 2 ulps: " + l);
        }
    }

    @Test
    void anUnknownSectionIsRefusedByName() {
        Path out = tmp.resolve("unknown");
        CliRun r = CliRun.of("bench", "--sections", "gemm,gpu", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--sections") && r.err().contains("'gpu'") && r.err().contains("memory"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownKernelIsRefusedByName() {
        Path out = tmp.resolve("kernel");
        CliRun r = CliRun.of("bench", "--sections", "gemm", "--gemm-kernels", "Prescott,Pentium4", "--out",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--gemm-kernels: unknown OpenBLAS kernel 'Pentium4'"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void negativeEpochsAreRefusedWithTheValue() {
        Path out = tmp.resolve("epochs");
        CliRun r = CliRun.of("bench", "--sections", "training", "--epochs", "-3", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--epochs must be >= 1 but was -3"), r.err());
        assertFalse(Files.exists(out), "nothing may be written for bad input");
    }

    @Test
    void anUnwritableOutIsRefusedWithThePath() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Path out = file.resolve("bench");
        CliRun r = CliRun.of("bench", "--sections", "gemm", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out: cannot write to '" + out + "'"), r.err());
    }

    @Test
    void theBenchSweepConfigsValidate() {
        Path conf = Files.isDirectory(Path.of("..", "conf")) ? Path.of("..", "conf") : Path.of("conf");
        CliRun r = CliRun.of("validate", conf.resolve("bench/speedup.yaml").toString(),
                conf.resolve("bench/speedup-quick.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sweep 'speedup', 8 trials") && r.out().contains("sweep 'speedup-quick', 4 trials"),
                r.out());
    }
}
