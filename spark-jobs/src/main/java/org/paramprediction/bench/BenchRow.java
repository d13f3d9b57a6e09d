package org.paramprediction.bench;

/**
 * One figure of the {@code bench} table. {@code value} is what was measured, in {@code unit};
 * {@code baseline} (optional) is what it is compared with and {@code ratio} that comparison, defined
 * per row in {@code note} (e.g. "MLlib seconds / seconds" for a speedup, "s/epoch / Full's" for a
 * share). {@code target} and {@code met} are set only for the figures issue 6 sets a goal for; the
 * goal applies to {@code ratio} when the row has one, else to {@code value}. Missing numbers are
 * {@code null}, never a made-up zero.
 */
public record BenchRow(String section, String item, String metric, Double value, String unit, Double baseline,
        Double ratio, String target, Boolean met, String note) {

    /** A plain measured figure. */
    public static BenchRow of(BenchSection section, String item, String metric, double value, String unit) {
        return new BenchRow(section.id(), item, metric, finite(value), unit, null, null, null, null, null);
    }

    /** This row compared with {@code baseline}; {@code ratio} is computed by the caller and named in the note. */
    public BenchRow withBaseline(double baseline, double ratio) {
        return new BenchRow(section, item, metric, value, unit, finite(baseline), finite(ratio), target, met, note);
    }

    /** This row checked against {@code t}: on {@code ratio} if there is one, else on {@code value}. */
    public BenchRow withTarget(Target t) {
        Double figure = ratio != null ? ratio : value;
        return withTarget(t, figure != null && t.test(figure));
    }

    /** This row with target {@code t} and a verdict decided by the caller (for goals with a side condition). */
    public BenchRow withTarget(Target t, boolean verdict) {
        return new BenchRow(section, item, metric, value, unit, baseline, ratio, t.text(), verdict, note);
    }

    public BenchRow withItem(String text) {
        return new BenchRow(section, text, metric, value, unit, baseline, ratio, target, met, note);
    }

    public BenchRow withNote(String text) {
        return new BenchRow(section, item, metric, value, unit, baseline, ratio, target, met, text);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
