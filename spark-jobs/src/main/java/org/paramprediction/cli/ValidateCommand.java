package org.paramprediction.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.paramprediction.sweep.DatasetPreflight;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.select.SelectionPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code validate CONFIG...}: check sweep configs and count their trials; runs nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check sweep configs (keys, types, ranges, readable data) and print their trial counts; run no Spark job.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CONFIG", description = "Sweep configs (YAML).")
    List<Path> configs;

    @Override
    public Integer call() {
        for (Path p : configs) {
            SweepSpec s = SweepConfigLoader.load(p);
            DatasetPreflight.check(s, new Configuration());
            System.out.printf("%s: sweep '%s', %d trials%s%n", p, s.name(), s.trials().size(), selectNote(s));
        }
        return ExitCodes.OK;
    }

    /**
     * For a select sweep: how many trials each phase runs (phase 2 at most: the chosen values' repeats);
     * for a sweep with a scheduler: its type and rungs.
     */
    private static String selectNote(SweepSpec s) {
        if (s.scheduler() != null) {
            return String.format(" (scheduler: %s, rungs at %s epochs)", s.scheduler().type().key(),
                    s.scheduler().rungs().epochs());
        }
        if (s.select() == null) {
            return "";
        }
        int phase1 = new SelectionPlan(s.select()).phase1().size();
        int phase2 = s.select().groups().size() * (s.select().repeats() - 1);
        return String.format(" (select: %d in phase 1, at most %d in phase 2)", phase1, phase2);
    }
}
