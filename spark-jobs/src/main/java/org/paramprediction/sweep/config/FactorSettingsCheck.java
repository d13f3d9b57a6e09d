package org.paramprediction.sweep.config;

import java.util.Map;
import org.paramprediction.sweep.config.SweepDraft.Setting;
import org.paramprediction.train.Growth;

/**
 * The cross-field rules of {@code training.alternate} and {@code dictionary.grow} (each reported at
 * the setting, naming the rule and the other field's value):
 *
 * <ul>
 *   <li>both need a factored method with a dictionary (not Full or Downsized), a trial trained in one
 *       task (no {@code distributed.mode}: the distributed paths ship {@code V} and rebuild {@code U}
 *       from its recipe), and not each other (growing rebuilds {@code U} from its recipe, alternating
 *       learns it);
 *   <li>alternate: not with tied conv filter banks ({@code U = U_s (x) I} is not a free matrix);
 *   <li>grow: {@code 0 < fraction < grow.to}; not LowRank or RandFixU (a new random {@code U} for
 *       every atom count does not extend the old one); a fixed SE length scale (a tied one changes with
 *       the alpha spacing); MLPs only (no {@code model.conv}).
 * </ul>
 */
final class FactorSettingsCheck {

    private FactorSettingsCheck() {
    }

    /** True when the combination obeys every rule; otherwise each broken rule is reported. */
    static boolean ok(Map<SweepField, Setting> v, ErrorCollector errors) {
        Setting alternate = v.get(SweepField.ALTERNATE);
        Setting grow = v.get(SweepField.GROW);
        if (alternate.value() == null && grow.value() == null) {
            return true;
        }
        Method method = (Method) v.get(SweepField.METHOD).value();
        String mode = (String) v.get(SweepField.DIST_MODE).value();
        boolean ok = true;
        for (Setting s : new Setting[] {alternate, grow}) {
            if (s.value() == null) {
                continue;
            }
            if (method == Method.FULL || method == Method.DOWNSIZED) {
                ok = fail(errors, s, "needs a factored method with a dictionary, but method is " + method.displayName());
            }
            if (mode != null) {
                ok = fail(errors, s, "must not be set for a distributed trial (distributed.mode = " + mode
                        + "): the distributed paths ship V and rebuild U from its recipe; train it in one task");
            }
        }
        if (alternate.value() != null && grow.value() != null) {
            ok = fail(errors, grow, "must not be set together with training.alternate (line " + alternate.line()
                    + "): a growing fraction rebuilds U from its recipe, alternating optimisation learns U");
        }
        if (alternate.value() != null && v.get(SweepField.CONV).value() != null
                && "tied".equals(v.get(SweepField.CHANNELS).value())) {
            ok = fail(errors, alternate, "must not be set for tied conv filter banks (dictionary.channels: tied):"
                    + " their U is U_s (x) I over the k x k positions, not a free matrix; use dictionary.channels:"
                    + " empirical");
        }
        return grow.value() == null ? ok : growOk(v, grow, method, errors) && ok;
    }

    private static boolean growOk(Map<SweepField, Setting> v, Setting grow, Method method, ErrorCollector errors) {
        boolean ok = true;
        Growth g = (Growth) grow.value();
        double fraction = ((Number) v.get(SweepField.FRACTION).value()).doubleValue();
        if (method.usesFraction() && !(fraction < g.to())) {
            ok = fail(errors, grow, "to must be > fraction (0 < fraction < to <= 1), but fraction is "
                    + CanonicalJson.decimal(fraction) + " and to " + CanonicalJson.decimal(g.to()));
        }
        if (method == Method.LOW_RANK || method == Method.RAND_FIX_U) {
            ok = fail(errors, grow, "needs atoms that extend the old ones, but " + method.displayName()
                    + " draws a new random U for every atom count");
        }
        if (method.usesLengthScale() && v.get(SweepField.LENGTH_SCALE_FACTOR).value() != null) {
            ok = fail(errors, grow, "needs a fixed SE length scale (dictionary.length_scale), but"
                    + " dictionary.length_scale_factor = " + v.get(SweepField.LENGTH_SCALE_FACTOR).shown()
                    + " ties it to the alpha spacing, which growing changes");
        }
        if (v.get(SweepField.CONV).value() != null) {
            ok = fail(errors, grow, "is implemented for MLPs only, but model.conv is set");
        }
        return ok;
    }

    private static boolean fail(ErrorCollector errors, Setting at, String rule) {
        errors.add(at.line(), at.path(), rule, at.shown());
        return false;
    }
}
