package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.paramprediction.sweep.config.SelectGroup;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/** Every config shipped in conf/sweeps passes the {@code validate} subcommand and has the documented size. */
class ShippedConfigsTest {

    /** The trial counts that {@code validate} prints (a select sweep's: every grid point x repeat, as its header says). */
    private static final Map<String, Integer> DOCUMENTED_TRIALS = Map.ofEntries(
            Map.entry("quickstart.yaml", 10),
            Map.entry("convnet-full.yaml", 1),
            Map.entry("paper-convnet-small.yaml", 63),
            Map.entry("paper-convnet-small-channelwise.yaml", 24),
            Map.entry("paper-convnet.yaml", 201),
            Map.entry("example-full-reference.yaml", 12),
            Map.entry("paper-mlp.yaml", 1605), // select: 535 in phase 1, 214 in phase 2
            Map.entry("paper-rica.yaml", 155),
            Map.entry("paper-rica-small.yaml", 39),
            Map.entry("rica-photos.yaml", 2),
            Map.entry("paper-mlp-small.yaml", 423),
            Map.entry("permuted.yaml", 78),
            Map.entry("scheduler-slice.yaml", 30),
            Map.entry("soak.yaml", 2000),
            Map.entry("select-demo.yaml", 27)); // a select sweep: every grid point x repeat; it runs 15

    private static Path sweeps() {
        Path p = Path.of("..", "conf", "sweeps");
        return Files.isDirectory(p) ? p : Path.of("conf", "sweeps");
    }

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(sweeps())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedConfigPassesValidateWithItsDocumentedTrialCount() throws IOException {
        List<Path> configs = shipped();
        assertEquals(DOCUMENTED_TRIALS.keySet(), Set.copyOf(configs.stream().map(p -> p.getFileName().toString())
                .toList()), "a new config needs its documented trial count here");
        String[] args = Stream.concat(Stream.of("validate"), configs.stream().map(Path::toString)).toArray(String[]::new);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        for (Path p : configs) {
            String name = p.getFileName().toString();
            assertTrue(printed.contains(p + ": sweep '" + name.replace(".yaml", "") + "', "
                    + DOCUMENTED_TRIALS.get(name) + " trials"), printed);
        }
        assertTrue(printed.contains("'select-demo', 27 trials (select: 9 in phase 1, at most 6 in phase 2)"), printed);
        assertTrue(printed.contains("'paper-mlp', 1605 trials (select: 535 in phase 1, at most 214 in phase 2)"), printed);
        assertTrue(printed.contains("'scheduler-slice', 30 trials (scheduler: asha, rungs at [3, 9, 27] epochs)"),
                printed);
    }

    @Test
    void studyConfigsAskTheIssuesQuestions() {
        SweepSpec paper = SweepConfigLoader.load(sweeps().resolve("paper-mlp.yaml"));
        assertEquals(12, paper.methods().size(), "every method including Downsized");
        assertEquals(List.of(0.02, 0.05, 0.1, 0.2, 0.5), paper.fractions());
        assertEquals(List.of(1, 5), paper.columns());
        assertEquals(List.of("training.learning_rate"), paper.select().over());
        assertEquals(3, paper.select().repeats());
        List<TrialSpec> all = paper.trials();
        assertTrue(all.stream().allMatch(t -> t.trainSize() == 50_000 && t.validSize() == 10_000
                && t.training().maxEpochs() == 30 && t.hidden().equals(List.of(500, 500))), "the full budget");
        for (SelectGroup g : paper.select().groups()) {
            assertTrue(g.candidates().size() >= 4, g.configuration() + ": the learning rate from >= 4 values");
        }
        assertTrue(all.stream().anyMatch(t -> t.method().equals("SE-Emp") && !t.orthonormal()), "raw U");
        assertTrue(all.stream().anyMatch(t -> t.method().equals("SE-Emp") && t.alternate() != null), "alternating");
        assertTrue(all.stream().anyMatch(t -> t.method().equals("SE-Emp") && t.grow() != null), "growing");
        assertTrue(all.stream().anyMatch(t -> t.method().equals("SE") && t.permutationSeed() != null), "permuted");
        SweepSpec small = SweepConfigLoader.load(sweeps().resolve("paper-mlp-small.yaml"));
        for (SweepSpec s : List.of(paper, small)) {
            assertTrue(s.keepWeights(), s.name() + " keeps weights for the Figure-1 picture");
        }
        List<TrialSpec> se = small.trials().stream().filter(t -> t.method().equals("SE")).toList();
        assertTrue(se.stream().anyMatch(t -> t.lengthScale() > 0) && se.stream().anyMatch(t -> t.lengthScaleFactor() > 0),
                "the small study compares fixed with tied length scales");
        SweepSpec permuted = SweepConfigLoader.load(sweeps().resolve("permuted.yaml"));
        assertTrue(permuted.trials().stream().anyMatch(t -> t.permutationSeed() == null));
        assertTrue(permuted.trials().stream().anyMatch(t -> t.permutationSeed() != null && t.method().equals("SE")));
        assertTrue(permuted.trials().stream().anyMatch(t -> t.permutationSeed() != null && t.method().equals("Emp-Emp")));
    }
}
