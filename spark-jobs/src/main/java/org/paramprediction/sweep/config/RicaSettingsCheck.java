package org.paramprediction.sweep.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.data.Shape;
import org.paramprediction.data.Stl10;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.sweep.config.SweepDraft.Setting;

/**
 * The cross-field rules of {@code model.rica} (each reported at the setting it concerns):
 *
 * <ul>
 *   <li>the method is one of {@link TrialSpec#RICA_METHODS} (their filter dictionary rebuilds from its
 *       recipe alone; LowRank learns {@code U}, and the empirical kernels and PCA of whitened patches
 *       are the identity's);
 *   <li>{@code distributed.mode} unset (one task) or {@code data_parallel} (patches partitioned, only
 *       {@code partitions} and {@code tree_depth} read);
 *   <li>no {@code model.conv}, {@code training.alternate} or
 *       {@code dictionary.grow}, and no setting a RICA trial does not read ({@code model.hidden},
 *       {@code model.activation}, any other {@code training.*}) given in the file;
 *   <li>{@code patch} at most the images' side, {@code pool} at most the side of the feature maps
 *       ({@code side - patch + 1}), and {@code columns} at most {@code features};
 *   <li>{@code patch_source: stl10_unlabeled} needs {@code dataset.format: stl10}; every {@code photos}
 *       file exists and is readable (checked on the driver).
 * </ul>
 */
final class RicaSettingsCheck {

    private RicaSettingsCheck() {
    }

    /** True when the combination obeys every rule, or is not a RICA trial; otherwise each broken rule is reported. */
    static boolean ok(Map<SweepField, Setting> v, ErrorCollector errors) {
        Setting rica = v.get(SweepField.RICA);
        if (rica.value() == null) {
            return true;
        }
        RicaPipeline.Settings s = (RicaPipeline.Settings) rica.value();
        boolean ok = true;
        Method method = (Method) v.get(SweepField.METHOD).value();
        if (!TrialSpec.RICA_METHODS.contains(method)) {
            Setting m = v.get(SweepField.METHOD);
            errors.add(m.line(), m.path(), "must be one of " + TrialSpec.RICA_METHODS.stream()
                    .map(Method::displayName).toList() + " with model.rica: their filter dictionary rebuilds from its"
                    + " recipe alone (LowRank learns U; empirical kernels and PCA of ZCA-whitened patches are the"
                    + " identity's)", m.shown());
            ok = false;
        }
        for (SweepField f : List.of(SweepField.CONV, SweepField.ALTERNATE, SweepField.GROW)) {
            Setting x = v.get(f);
            if (x.value() != null) {
                errors.add(x.line(), x.path(), "must not be set with model.rica (line " + rica.line()
                        + "): a RICA trial learns one bank of filters", x.shown());
                ok = false;
            }
        }
        Setting mode = v.get(SweepField.DIST_MODE);
        if (mode.value() != null && !DistributedSpec.DATA_PARALLEL.equals(mode.value())) {
            errors.add(mode.line(), mode.path(), "must be " + DistributedSpec.DATA_PARALLEL + " (or unset) with"
                    + " model.rica (line " + rica.line() + "): its patches are partitioned, V is broadcast", mode.shown());
            ok = false;
        }
        for (SweepField f : SweepField.values()) {
            boolean unread = f == SweepField.HIDDEN || f == SweepField.ACTIVATION
                    || (f.section().equals("training") && f != SweepField.ALTERNATE);
            Setting x = v.get(f);
            if (unread && !x.defaulted()) {
                errors.add(x.line(), x.path(), "is not read by a RICA trial (model.rica, line " + rica.line()
                        + "): its width is model.rica.features and it is trained by L-BFGS (which a time limit"
                        + " cannot interrupt); leave " + f.path() + " out", x.shown());
                ok = false;
            }
        }
        Shape image = DatasetFormat.parse((String) v.get(SweepField.DATASET_FORMAT).value()).shape();
        int side = Math.min(image.height(), image.width());
        if (s.patch() > side) {
            errors.add(rica.line(), rica.path() + ".patch", "must be <= the images' side (" + side + " for "
                    + image + ")", String.valueOf(s.patch()));
            ok = false;
        } else if (s.grid() > side - s.patch() + 1) {
            errors.add(rica.line(), rica.path() + ".pool", "must be <= the feature maps' side (" + (side - s.patch() + 1)
                    + " = " + side + " - patch + 1)", String.valueOf(s.grid()));
            ok = false;
        }
        if (RicaPipeline.Settings.STL10_UNLABELED.equals(s.patchSource())
                && !"stl10".equals(v.get(SweepField.DATASET_FORMAT).value())) {
            errors.add(rica.line(), rica.path() + ".patch_source", "stl10_unlabeled needs dataset.format: stl10 (it"
                    + " streams unlabeled_X.bin from the dataset root), but dataset.format is "
                    + v.get(SweepField.DATASET_FORMAT).shown(), s.patchSource());
            ok = false;
        } else if (RicaPipeline.Settings.STL10_UNLABELED.equals(s.patchSource())) {
            Path unlabeled = Path.of((String) v.get(SweepField.DATASET_ROOT).value()).resolve(Stl10.UNLABELED_X);
            if (!Files.isRegularFile(unlabeled) || !Files.isReadable(unlabeled)) {
                errors.add(rica.line(), rica.path() + ".patch_source", "stl10_unlabeled needs " + Stl10.UNLABELED_X
                        + " under dataset.root (a local path on every executor), but " + unlabeled
                        + " is not a readable file", s.patchSource());
                ok = false;
            }
        }
        for (int i = 0; i < s.photos().size(); i++) {
            Path file = Path.of(s.photos().get(i));
            if (!file.isAbsolute()) {
                errors.add(rica.line(), rica.path() + ".photos[" + i + "]", "must be an absolute path (executors resolve"
                        + " relative paths against their own working directory)", s.photos().get(i));
                ok = false;
            } else if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                errors.add(rica.line(), rica.path() + ".photos[" + i + "]", "must be a readable image file (none is"
                        + " there)", s.photos().get(i));
                ok = false;
            }
        }
        Setting columns = v.get(SweepField.COLUMNS);
        if (method.usesColumns() && (Integer) columns.value() > s.features()) {
            errors.add(columns.line(), columns.path(), "must be <= model.rica.features (" + s.features() + ")",
                    columns.shown());
            ok = false;
        }
        return ok;
    }
}
