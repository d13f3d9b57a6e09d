package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/** The console words that tell a sweep's trials apart, on the shipped study config and a plain grid. */
class TrialLabelsTest {

    private static Path sweeps() {
        Path p = Path.of("..", "conf", "sweeps");
        return Files.isDirectory(p) ? p : Path.of("conf", "sweeps");
    }

    private static TrialSpec find(SweepSpec s, String method, double fraction, int columns, double lr, boolean orthonormal,
            boolean alternate, boolean permuted) {
        return s.trials().stream().filter(t -> t.method().equals(method) && t.fraction() == fraction
                && t.columns() == columns && t.training().learningRate() == lr && t.orthonormal() == orthonormal
                && (t.alternate() != null) == alternate && (t.permutationSeed() != null) == permuted && t.repeat() == 0)
                .findFirst().orElseThrow();
    }

    @Test
    void theSelectedKeyAlwaysAndAVariantsKeyOnlyWhereItDiffers() {
        SweepSpec s = SweepConfigLoader.load(sweeps().resolve("paper-mlp.yaml"));
        TrialLabels labels = new TrialLabels(s);
        assertEquals("learning_rate=0.02", labels.extra(find(s, "SE-Emp", 0.1, 5, 0.02, true, false, false)));
        assertEquals("learning_rate=0.05 orthonormal=false",
                labels.extra(find(s, "SE-Emp", 0.1, 5, 0.05, false, false, false)));
        assertEquals("learning_rate=0.1 alternate={\"u_epochs\":1,\"v_epochs\":2}",
                labels.extra(find(s, "SE-Emp", 0.1, 5, 0.1, true, true, false)));
        assertEquals("learning_rate=0.01 permutation_seed=20130605",
                labels.extra(find(s, "SE", 0.05, 5, 0.01, true, false, true)));
    }

    @Test
    void anAxisOfAPlainSweepIsAlwaysShownAndASweepWithoutGridShowsNothing() {
        String yaml = """
                name: plain
                dataset: {train_size: 1000, valid_size: 200}
                model: {hidden: [16]}
                method: [Full, SE]
                fraction: 0.1
                columns: 1
                grid:
                  training.learning_rate: [0.01, 0.02]
                repeats: 1
                """;
        SweepSpec s = SweepConfigLoader.parse(yaml, "plain.yaml");
        TrialLabels labels = new TrialLabels(s);
        assertEquals("learning_rate=0.01", labels.extra(s.trials().get(0)));
        assertEquals("learning_rate=0.02", labels.extra(s.trials().get(1)));
        SweepSpec none = SweepConfigLoader.parse(yaml.replace("grid:\n  training.learning_rate: [0.01, 0.02]\n", ""),
                "none.yaml");
        assertEquals("", new TrialLabels(none).extra(none.trials().get(0)));
    }
}
