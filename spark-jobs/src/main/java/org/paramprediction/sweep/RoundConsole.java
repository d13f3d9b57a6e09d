package org.paramprediction.sweep;

import java.util.List;
import java.util.Locale;
import org.paramprediction.console.Console;
import org.paramprediction.distributed.RoundMetrics;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.TrainingConfig;

/**
 * The console of a data-parallel trial: one line per epoch, its rounds summed (rounds, bytes down
 * and up, seconds, then the epoch's training loss and validation error); a line per round only with
 * {@code --verbose}; on a terminal, the rounds of the epoch running as a live line. Also collects the
 * rounds for the {@code rounds} table, and when an epoch ends sets its validation error on that
 * epoch's last round (the trainer evaluates once per epoch; rounds are not evaluated twice).
 */
final class RoundConsole {

    private final List<RoundMetrics> rounds;
    private final Console console;
    private final TrainingConfig training;
    private int previousEpochRounds; // rounds of the last finished epoch, 0 before the first

    RoundConsole(List<RoundMetrics> rounds, Console console, TrainingConfig training) {
        this.rounds = rounds;
        this.console = console;
        this.training = training;
    }

    void round(RoundMetrics m) {
        rounds.add(m);
        console.detail(roundLine(m));
        console.live(String.format(Locale.ROOT, "  %s: round %d%s, loss %.4f, %.2f s", epochName(m.stage(), m.epoch()),
                inEpoch(m), previousEpochRounds > 0 ? " of ~" + previousEpochRounds : "", m.trainLoss(), m.seconds()));
    }

    void epochEnded(EpochMetrics e) {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            RoundMetrics r = rounds.get(i);
            if (r.stage() == e.stage() && r.epoch() == e.epoch()) {
                rounds.set(i, r.withValidError(e.validError()));
                break;
            }
        }
        List<RoundMetrics> of = rounds.stream().filter(r -> r.stage() == e.stage() && r.epoch() == e.epoch()).toList();
        previousEpochRounds = of.size();
        console.line(epochLine(e, of));
    }

    /**
     * {@code   epoch 3/20: 24 rounds, down 1.23 MB, up 456.7 kB, 10.2 s, loss 0.4123, valid 0.1234}: the
     * rounds' bytes and seconds summed, the epoch's mean training loss and its validation error.
     */
    String epochLine(EpochMetrics e, List<RoundMetrics> of) {
        long down = of.stream().mapToLong(RoundMetrics::bytesDown).sum();
        long up = of.stream().mapToLong(RoundMetrics::bytesUp).sum();
        double seconds = of.stream().mapToDouble(RoundMetrics::seconds).sum();
        return String.format(Locale.ROOT, "  %s: %d rounds, down %s, up %s, %.1f s, loss %.4f, valid %.4f",
                epochName(e.stage(), e.epoch()), of.size(), bytes(down), bytes(up), seconds, e.trainLoss(),
                e.validError());
    }

    /** The verbose line of one round. */
    static String roundLine(RoundMetrics m) {
        return String.format(Locale.ROOT, "  round %4d  stage %d epoch %2d  loss %.4f  %d workers  down %s up %s"
                        + " (%.1f%% of full averaging)  %.2f s", m.round(), m.stage(), m.epoch(), m.trainLoss(),
                m.workers(), bytes(m.bytesDown()), bytes(m.bytesUp()), 100 * m.ratioToFull(), m.seconds());
    }

    /** {@code epoch 3/20} for the whole network, {@code stage 1 epoch 2/3} for a pre-training stage. */
    private String epochName(int stage, int epoch) {
        return stage == 0 ? "epoch " + epoch + "/" + training.maxEpochs()
                : "stage " + stage + " epoch " + epoch + "/" + training.stageEpochs();
    }

    private int inEpoch(RoundMetrics m) {
        int k = 0;
        for (int i = rounds.size() - 1; i >= 0 && rounds.get(i).stage() == m.stage()
                && rounds.get(i).epoch() == m.epoch(); i--) {
            k++;
        }
        return k;
    }

    /** Bytes in kB below 1 MB, else MB (decimal units, as the tables). */
    static String bytes(long b) {
        return b < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", b / 1e3)
                : String.format(Locale.ROOT, "%.2f MB", b / 1e6);
    }
}
