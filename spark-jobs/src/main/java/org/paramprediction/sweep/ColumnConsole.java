package org.paramprediction.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paramprediction.columns.ColumnOutcome;
import org.paramprediction.console.Console;
import org.paramprediction.distributed.ColumnListener;
import org.paramprediction.train.EpochMetrics;

/**
 * The console of a columns-as-tasks trial: one line per layer once its columns are trained (how many,
 * their validation errors' range, bytes sent back, the layer's wall time), one per fine-tuning epoch;
 * a line per column only with {@code --verbose}. Also collects the fine-tuning epochs for the {@code
 * epochs} table.
 */
final class ColumnConsole implements ColumnListener {

    private final Console console;
    private final List<EpochMetrics> epochs;
    private final int fineTuneEpochs;
    private final List<ColumnOutcome> layer = new ArrayList<>(); // columns of the layer being trained

    ColumnConsole(Console console, List<EpochMetrics> epochs, int fineTuneEpochs) {
        this.console = console;
        this.epochs = epochs;
        this.fineTuneEpochs = fineTuneEpochs;
    }

    @Override
    public void onColumn(ColumnOutcome o) {
        layer.add(o);
        console.detail(String.format(Locale.ROOT, "  layer %d column %d: valid error %.4f after %d epochs (best %d),"
                        + " %,d bytes back, %.1f s", o.layer() + 1, o.column() + 1, o.validError(), o.epochsTrained(),
                o.bestEpoch(), o.payloadBytes(), o.seconds()));
    }

    @Override
    public void onLayer(int l, double seconds) {
        List<ColumnOutcome> of = layer.stream().filter(o -> o.layer() == l).toList();
        layer.clear();
        if (!of.isEmpty()) {
            console.line(layerLine(of, seconds));
        }
    }

    @Override
    public void onFineTuneEpoch(EpochMetrics m) {
        epochs.add(m);
        console.line("  fine-tune epoch %d/%d: valid error %.4f, test error %.4f", m.epoch(), fineTuneEpochs,
                m.validError(), m.testError());
    }

    /** {@code   layer 1: 5 columns trained as tasks in 31.0 s, valid error 0.1523 to 0.1734, 1,234,567 bytes back}. */
    static String layerLine(List<ColumnOutcome> columns, double seconds) {
        double min = columns.stream().mapToDouble(ColumnOutcome::validError).min().orElse(Double.NaN);
        double max = columns.stream().mapToDouble(ColumnOutcome::validError).max().orElse(Double.NaN);
        long bytes = columns.stream().mapToLong(ColumnOutcome::payloadBytes).sum();
        return String.format(Locale.ROOT, "  layer %d: %d column%s trained as tasks in %.1f s, valid error %.4f to %.4f,"
                + " %,d bytes back", columns.get(0).layer() + 1, columns.size(), columns.size() == 1 ? "" : "s", seconds,
                min, max, bytes);
    }
}
