package org.paramprediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The design of core-model's main code, read from its sources: the packages depend on each other
 * without a cycle, and library code prints nothing to the console (it logs through SLF4J).
 *
 * <p>A dependency of package {@code a} on {@code b} is an {@code import org.paramprediction.b.X}
 * line (static or wildcard too) or a fully qualified {@code org.paramprediction.b.X} in the code
 * (comments and string literals aside) of a file of {@code a}.
 */
class CoreModelPackagesTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void packagesFormNoCycle() {
        Map<String, Map<String, Set<String>>> graph = PackageGraph.graph(MAIN);
        assertTrue(graph.keySet().containsAll(Set.of("train", "layer", "dictionary", "columns", "wire", "benchmark")),
                "read the packages of " + MAIN.toAbsolutePath() + ": " + graph.keySet());
        List<String> cycles = PackageGraph.cycles(graph);
        assertTrue(cycles.isEmpty(), "package cycles in core-model:\n" + String.join("\n", cycles)
                + "\npackage graph: " + PackageGraph.edges(graph));
    }

    @Test
    void aCycleIsNamedWithTheFilesBehindEachEdge() {
        Map<String, Map<String, Set<String>>> graph = Map.of(
                "a", Map.of("b", Set.of("a/A.java")),
                "b", Map.of("a", Set.of("b/B.java")),
                "c", Map.of("a", Set.of("c/C.java")));
        assertEquals(List.of("  a -> b -> a\n    a -> b: [a/A.java]\n    b -> a: [b/B.java]"),
                PackageGraph.cycles(new TreeMap<>(graph)));
        assertEquals(List.of(), PackageGraph.cycles(new TreeMap<>(Map.of("a", Map.of("b", Set.of("a/A.java"))))));
    }

    @Test
    void libraryCodePrintsNothingToTheConsole() {
        List<String> offenders = new ArrayList<>();
        for (Path file : PackageGraph.javaFiles(MAIN)) {
            String code = PackageGraph.COMMENTS_AND_STRINGS.matcher(PackageGraph.read(file)).replaceAll(" ");
            if (code.contains("System.out") || code.contains("System.err")) {
                offenders.add(MAIN.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offenders, "core-model logs through SLF4J; System.out/err found in");
    }
}
