package org.paramprediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package graph of a module's sources, for the design tests of both modules (core-model's
 * test-jar carries it to spark-jobs). A dependency of package {@code a} on {@code b} is an {@code
 * import org.paramprediction.b.X} line (static or wildcard too) or a fully qualified {@code
 * org.paramprediction.b.X} in the code (comments and string literals aside) of a file of {@code a}.
 */
public final class PackageGraph {

    private static final String ROOT = "org.paramprediction.";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A reference into the project; its package is the segments before the first capitalised one (or {@code *}). */
    private static final Pattern REFERENCE =
            Pattern.compile("\\borg\\.paramprediction\\.((?:[a-z_]\\w*\\.)*?[a-z_]\\w*)\\.(?:[A-Z]|\\*)");
    /** Comments and string and character literals, which name no dependency. */
    public static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);

    private PackageGraph() {}

    /** Package (without {@code org.paramprediction.}) -> package it depends on -> the files whose code does. */
    public static Map<String, Map<String, Set<String>>> graph(Path sources) {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        for (Path file : javaFiles(sources)) {
            String text = read(file);
            Matcher p = PACKAGE.matcher(text);
            if (!p.find() || !p.group(1).startsWith(ROOT)) {
                continue;
            }
            String from = p.group(1).substring(ROOT.length());
            Map<String, Set<String>> out = graph.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher r = REFERENCE.matcher(COMMENTS_AND_STRINGS.matcher(text.substring(p.end())).replaceAll(" "));
            while (r.find()) {
                if (!r.group(1).equals(from)) {
                    out.computeIfAbsent(r.group(1), k -> new TreeSet<>()).add(sources.relativize(file).toString());
                }
            }
        }
        return graph;
    }

    /**
     * A cycle for every back edge of a depth-first walk, as {@code a -> b -> ... -> a} with the files
     * behind each edge; empty exactly when the graph has no cycle.
     */
    public static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
        List<String> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(graph, start, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void walk(Map<String, Map<String, Set<String>>> graph, String at, List<String> stack,
            Set<String> done, List<String> found) {
        int onStack = stack.indexOf(at);
        if (onStack >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(onStack, stack.size()));
            cycle.add(at);
            StringBuilder s = new StringBuilder("  " + String.join(" -> ", cycle));
            for (int i = 0; i + 1 < cycle.size(); i++) {
                s.append("\n    ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(": ")
                        .append(firstFew(graph.get(cycle.get(i)).get(cycle.get(i + 1))));
            }
            found.add(s.toString());
            return;
        }
        if (!done.add(at)) {
            return;
        }
        stack.add(at);
        for (String next : graph.getOrDefault(at, Map.of()).keySet()) {
            walk(graph, next, stack, done, found);
        }
        stack.remove(stack.size() - 1);
    }

    private static String firstFew(Set<String> files) {
        List<String> few = files.stream().limit(3).toList();
        return few + (files.size() > few.size() ? " and " + (files.size() - few.size()) + " more" : "");
    }

    public static String edges(Map<String, Map<String, Set<String>>> graph) {
        StringBuilder s = new StringBuilder();
        graph.forEach((from, to) -> s.append("\n  ").append(from).append(" -> ").append(to.keySet()));
        return s.toString();
    }

    public static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
