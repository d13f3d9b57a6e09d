package org.paramprediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The design of spark-jobs' main code, read from its sources: the packages depend on each other
 * without a cycle (e.g. {@code results} on {@code io}, never back), and no package is split between
 * this module and core-model.
 *
 * <p>A dependency of package {@code a} on {@code b} is an {@code import org.paramprediction.b.X}
 * line (static or wildcard too) or a fully qualified {@code org.paramprediction.b.X} in the code
 * (comments and string literals aside) of a file of {@code a}.
 */
class SparkJobsPackagesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path CORE_MODEL_MAIN = Path.of("../core-model/src/main/java");

    @Test
    void packagesFormNoCycle() {
        Map<String, Map<String, Set<String>>> graph = PackageGraph.graph(MAIN);
        assertTrue(graph.keySet().containsAll(Set.of("io", "results", "sweep", "sweep.config", "distributed",
                "covariance", "bench", "cli", "report")),
                "read the packages of " + MAIN.toAbsolutePath() + ": " + graph.keySet());
        List<String> cycles = PackageGraph.cycles(graph);
        assertTrue(cycles.isEmpty(), "package cycles in spark-jobs:\n" + String.join("\n", cycles)
                + "\npackage graph: " + PackageGraph.edges(graph));
    }

    @Test
    void noPackageIsSplitBetweenThisModuleAndCoreModel() {
        Set<String> shared = new TreeSet<>(PackageGraph.graph(MAIN).keySet());
        Set<String> core = PackageGraph.graph(CORE_MODEL_MAIN).keySet();
        assertTrue(core.contains("train"), "read core-model's packages from " + CORE_MODEL_MAIN.toAbsolutePath());
        shared.retainAll(core);
        assertEquals(Set.of(), shared, "packages with classes in both spark-jobs and core-model");
    }
}
