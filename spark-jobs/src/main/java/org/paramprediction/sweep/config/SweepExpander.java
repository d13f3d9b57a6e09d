package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.layer.Activation;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.sweep.config.SweepDraft.Axis;
import org.paramprediction.sweep.config.SweepDraft.Setting;
import org.paramprediction.train.Alternation;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.Growth;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.TrainingConfig;

/**
 * Expands a {@link SweepDraft} into trials: the product of its axes (method x fraction x columns x
 * grid keys in file order, last one fastest) x repeats (fastest); with {@code variants}, the union
 * of one such product per variant, in variant order. Each combination is checked
 * across fields (length scales, columns against layer sizes, the core-model records); trials
 * with the same id (e.g. Full at several fractions) are kept once, in first-seen order.
 */
final class SweepExpander {

    /** Upper bound on the size of the product, so that a typo cannot schedule millions of trials. */
    static final long MAX_TRIALS = 100_000;

    private static final SweepField[] TRAINING = Arrays.stream(SweepField.values())
            .filter(f -> f.trainingComponent() != null).toArray(SweepField[]::new);

    private final SweepDraft draft;
    private final ErrorCollector errors;
    private List<SelectGroup> selectGroups = List.of();

    SweepExpander(SweepDraft draft, ErrorCollector errors) {
        this.draft = draft;
        this.errors = errors;
    }

    List<TrialSpec> expand() {
        long total = 0;
        for (List<Axis> axes : draft.axisSets()) {
            total += size(axes);
            if (total > MAX_TRIALS) {
                errors.add(1, "", "the sweep expands to more than " + MAX_TRIALS + " trials (method x fraction x "
                        + "columns x grid x repeats, summed over variants); split it into several files", null);
                return List.of();
            }
        }
        Map<String, TrialSpec> trials = new LinkedHashMap<>();
        // grouped only when the file is valid so far (over keys found among the axes)
        SelectGrouping grouping = draft.select() == null || !errors.isEmpty() ? null
                : new SelectGrouping(draft.select().fields(), Arrays.stream(SweepField.values())
                        .filter(f -> draft.values(f).size() > 1).collect(Collectors.toSet()));
        for (int set = 0; set < draft.axisSets().size(); set++) {
            expand(draft.axisSets().get(set), set, trials, grouping);
        }
        if (grouping != null && errors.isEmpty()) { // a grid point that failed its checks left a gap
            selectGroups = grouping.groups(errors);
        }
        return List.copyOf(trials.values());
    }

    /** Grid points x repeats of one product; more than {@link #MAX_TRIALS} counts as MAX_TRIALS + 1. */
    private long size(List<Axis> axes) {
        long p = draft.repeats();
        for (Axis a : axes) {
            p *= a.values().size();
            if (p > MAX_TRIALS) {
                return MAX_TRIALS + 1;
            }
        }
        return p;
    }

    /**
     * Adds the trials of the product over {@code axes} (product {@code set}: a variant, 0 without
     * variants) to {@code trials}, and its grid points to {@code grouping} (null without select).
     * A product with an empty axis (its invalid values were reported) adds nothing.
     */
    private void expand(List<Axis> axes, int set, Map<String, TrialSpec> trials, SelectGrouping grouping) {
        if (size(axes) == 0 || axes.size() < 3 || !someLengthScalePair(axes)) {
            return;
        }
        int[] index = new int[axes.size()];
        do {
            Map<SweepField, Setting> v = new EnumMap<>(draft.base());
            for (int i = 0; i < index.length; i++) {
                v.put(axes.get(i).field(), axes.get(i).values().get(index[i]));
            }
            List<TrialSpec> point = trials(v, axes);
            for (TrialSpec t : point) {
                trials.putIfAbsent(t.trialId(), t);
            }
            if (grouping != null && !point.isEmpty()) {
                grouping.add(axes, set, index, v, point);
            }
        } while (advance(index, axes));
    }

    /** The configurations of a sweep with a {@code select} section, after {@link #expand} (empty otherwise). */
    List<SelectGroup> selectGroups() {
        return selectGroups;
    }

    private static boolean advance(int[] index, List<Axis> axes) {
        for (int i = index.length - 1; i >= 0; i--) {
            if (++index[i] < axes.get(i).values().size()) {
                return true;
            }
            index[i] = 0;
        }
        return false;
    }

    /**
     * The trials (one per repeat) of one combination, or none after reporting why it is invalid.
     * Each cross-field check runs when the values it reads are valid, so that its problems are
     * reported together with those of single values.
     */
    private List<TrialSpec> trials(Map<SweepField, Setting> v, List<Axis> axes) {
        boolean scales = valid(v, SweepField.LENGTH_SCALE, SweepField.LENGTH_SCALE_FACTOR) && lengthScalesOk(v, axes);
        TrainingConfig training = valid(v, TRAINING) ? training(v) : null;
        boolean shape = valid(v, SweepField.METHOD, SweepField.COLUMNS, SweepField.HIDDEN) && columnsFit(v);
        boolean layers = scales && shape && valid(v, SweepField.values()) && layersBuild(v);
        boolean factor = valid(v, SweepField.values()) && FactorSettingsCheck.ok(v, errors)
                && RicaSettingsCheck.ok(v, errors);
        if (training == null || !layers || !factor) {
            return List.of();
        }
        Method method = (Method) value(v, SweepField.METHOD);
        List<TrialSpec> out = new ArrayList<>(draft.repeats());
        for (int r = 0; r < draft.repeats(); r++) {
            try {
                out.add(TrialSpec.create(draft.name(), r, method, num(v, SweepField.FRACTION),
                        (Integer) value(v, SweepField.COLUMNS), (String) value(v, SweepField.DATASET_FORMAT),
                        (String) value(v, SweepField.DATASET_ROOT),
                        (Integer) value(v, SweepField.TRAIN_SIZE), (Integer) value(v, SweepField.VALID_SIZE),
                        (Integer) value(v, SweepField.TEST_SIZE), (Long) value(v, SweepField.PERMUTATION_SEED),
                        hidden(v), activation(v), num(v, SweepField.RIDGE), num(v, SweepField.LENGTH_SCALE),
                        num(v, SweepField.LENGTH_SCALE_FACTOR), (Boolean) value(v, SweepField.ORTHONORMAL), training,
                        distributed(v), conv(v), (Integer) value(v, SweepField.TIMEOUT_S),
                        (Alternation) value(v, SweepField.ALTERNATE), (Growth) value(v, SweepField.GROW),
                        (RicaPipeline.Settings) value(v, SweepField.RICA)));
                DatasetFormat format = DatasetFormat.parse((String) value(v, SweepField.DATASET_FORMAT));
                TrialSpec t = out.get(out.size() - 1);
                if (t.isRica()) {
                    RicaPipeline.mapRecipe(t.ricaDictionary(), format.shape().channels(), t.ricaRun(),
                            new long[t.columns()]).build(); // its rules, before Spark
                } else {
                    t.modelSpec(format.shape(), format.numClasses()); // its rules, before Spark
                }
            } catch (IllegalArgumentException e) {
                report(v.get(SweepField.METHOD), "gives an invalid trial: " + e.getMessage());
                return List.of();
            }
        }
        return out;
    }

    /** The {@code distributed:} settings, or null when {@code distributed.mode} is not set. */
    private static DistributedSpec distributed(Map<SweepField, Setting> v) {
        String mode = (String) value(v, SweepField.DIST_MODE);
        if (mode == null) {
            return null;
        }
        return new DistributedSpec(mode, (Integer) value(v, SweepField.DIST_PARTITIONS),
                (Integer) value(v, SweepField.DIST_STEPS_PER_ROUND), (String) value(v, SweepField.DIST_ENCODING),
                (String) value(v, SweepField.DIST_MOMENTUM), (Integer) value(v, SweepField.DIST_TREE_DEPTH),
                value(v, SweepField.DIST_LEARNING_RATE_SCALE) == null ? (Integer) value(v, SweepField.DIST_PARTITIONS)
                        : num(v, SweepField.DIST_LEARNING_RATE_SCALE),
                (String) value(v, SweepField.DIST_FINETUNE),
                (Integer) value(v, SweepField.DIST_FINETUNE_EPOCHS));
    }

    private boolean lengthScalesOk(Map<SweepField, Setting> v, List<Axis> axes) {
        Setting ls = v.get(SweepField.LENGTH_SCALE);
        Setting lsf = v.get(SweepField.LENGTH_SCALE_FACTOR);
        if ((ls.value() == null) != (lsf.value() == null)) {
            return true;
        }
        if (bothLengthScalesInGrid(axes)) {
            return false; // fixed versus tied: only the pairs with exactly one of the two set are trials
        }
        Setting at = ls.value() != null && !lsf.defaulted() ? lsf : ls;
        Setting other = at == ls ? lsf : ls;
        String rule = ls.value() == null
                ? "or " + other.path() + " must be set (exactly one of the two)"
                : "and " + other.path() + " must not both be set (set one of them to null)";
        errors.add(at.line(), at.path(), rule, "length_scale=" + ls.shown() + ", length_scale_factor=" + lsf.shown());
        return false;
    }

    /**
     * True when both {@code dictionary.length_scale} and {@code dictionary.length_scale_factor} are
     * axes of the product being expanded (grid or variant keys): it then compares a fixed with a tied
     * length scale, and of the product of the two lists only the pairs with exactly one value set
     * (the other null) become trials.
     */
    private static boolean bothLengthScalesInGrid(List<Axis> axes) {
        return axisValues(axes, SweepField.LENGTH_SCALE) != null
                && axisValues(axes, SweepField.LENGTH_SCALE_FACTOR) != null;
    }

    /** The values of {@code field}'s axis in the product being expanded, or null if it is not an axis. */
    private static List<Object> axisValues(List<Axis> axes, SweepField field) {
        return axes.stream().filter(a -> a.field() == field).findFirst()
                .map(a -> a.values().stream().map(Setting::value).toList()).orElse(null);
    }

    /** False (reported) when both length scales are axes but no pair of their values has exactly one set. */
    private boolean someLengthScalePair(List<Axis> axes) {
        if (!bothLengthScalesInGrid(axes)) {
            return true;
        }
        List<Object> ls = axisValues(axes, SweepField.LENGTH_SCALE);
        List<Object> lsf = axisValues(axes, SweepField.LENGTH_SCALE_FACTOR);
        boolean fixed = ls.stream().anyMatch(x -> x != null && x != ValueReader.INVALID) && lsf.contains(null);
        boolean tied = lsf.stream().anyMatch(x -> x != null && x != ValueReader.INVALID) && ls.contains(null);
        if (!fixed && !tied) {
            Setting first = axes.stream().filter(a -> a.field() == SweepField.LENGTH_SCALE)
                    .flatMap(a -> a.values().stream()).findFirst().orElseThrow();
            Setting firstFactor = axes.stream().filter(a -> a.field() == SweepField.LENGTH_SCALE_FACTOR)
                    .flatMap(a -> a.values().stream()).findFirst().orElseThrow();
            errors.add(first.line(), first.path().replaceFirst("\\[\\d+]$", ""), "and "
                    + firstFactor.path().replaceFirst("\\[\\d+]$", "")
                    + " must give at least one pair with exactly one of the two set (e.g. length_scale: [2.0, null] "
                    + "with length_scale_factor: [null, 1.0])", "length_scale=" + ls + ", length_scale_factor=" + lsf);
            return false;
        }
        return true;
    }

    /** The training settings, or null after mapping TrainingConfig's complaint to the YAML key. */
    private TrainingConfig training(Map<SweepField, Setting> v) {
        try {
            return new TrainingConfig(num(v, SweepField.LEARNING_RATE), num(v, SweepField.LEARNING_RATE_DECAY),
                    num(v, SweepField.MOMENTUM_START), num(v, SweepField.MOMENTUM_END),
                    (Integer) value(v, SweepField.MOMENTUM_RAMP_EPOCHS), num(v, SweepField.WEIGHT_DECAY),
                    num(v, SweepField.MAX_COLUMN_NORM), (Integer) value(v, SweepField.BATCH_SIZE),
                    (Integer) value(v, SweepField.EPOCHS), (Integer) value(v, SweepField.PATIENCE),
                    (Integer) value(v, SweepField.STAGE_EPOCHS));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (SweepField f : SweepField.values()) {
                String component = f.trainingComponent();
                if (component != null && message.startsWith(component + " ")) {
                    Setting s = v.get(f);
                    String rule = message.substring(component.length() + 1).replaceFirst(" but was .*$", "");
                    errors.add(s.line(), s.path(), rule, s.shown());
                    return null;
                }
            }
            report(v.get(SweepField.EPOCHS), "gives invalid training settings: " + message);
            return null;
        }
    }

    private boolean columnsFit(Map<SweepField, Setting> v) {
        Method method = (Method) value(v, SweepField.METHOD);
        List<Integer> hidden = hidden(v);
        Setting columns = v.get(SweepField.COLUMNS);
        boolean convKnown = valid(v, SweepField.CONV, SweepField.CHANNELS);
        ConvSettings conv = convKnown ? conv(v) : null;
        boolean used = convKnown ? TrialSpec.usesColumns(method, hidden, conv) : method.usesColumns();
        if (convKnown && !used && method.usesColumns() && (Integer) columns.value() > 1 && fixed(SweepField.METHOD)
                && fixed(SweepField.COLUMNS)) {
            // Asked for explicitly; in a product with other methods or column counts it is normalised to 1.
            errors.add(columns.line(), columns.path(), "must be 1 for " + method.displayName() + " with this model: "
                    + method.whyNoColumns(), columns.shown());
            return false;
        }
        if (used && (Integer) columns.value() > Collections.min(hidden)) {
            errors.add(columns.line(), columns.path(),
                    "must be <= the smallest hidden layer (model.hidden = " + hidden + ")", columns.shown());
            return false;
        }
        int fewest = conv == null ? Integer.MAX_VALUE
                : conv.layers().stream().mapToInt(ConvLayerSetting::filters).min().orElseThrow();
        if (used && (Integer) columns.value() > fewest) {
            errors.add(columns.line(), columns.path(),
                    "must be <= the fewest filters of a conv layer (" + fewest + ")", columns.shown());
            return false;
        }
        return true;
    }

    /** True when the sweep gives {@code field} one value (not a list, not a grid axis). */
    private boolean fixed(SweepField field) {
        return draft.values(field).size() == 1;
    }

    /** Builds every layer's core-model records once, so that their rules are checked before any Spark work. */
    private boolean layersBuild(Map<SweepField, Setting> v) {
        Method method = (Method) value(v, SweepField.METHOD);
        List<Integer> hidden = hidden(v);
        try {
            double ls = num(v, SweepField.LENGTH_SCALE);
            double lsf = num(v, SweepField.LENGTH_SCALE_FACTOR);
            int columns = TrialSpec.usesColumns(method, hidden, conv(v)) ? (Integer) value(v, SweepField.COLUMNS) : 1;
            List<DictionarySpec> layers = method.layers(hidden.size(), num(v, SweepField.FRACTION),
                    columns, num(v, SweepField.RIDGE), ls, lsf,
                    (Boolean) value(v, SweepField.ORTHONORMAL));
            for (int l = 0; l < hidden.size(); l++) {
                new LayerSpec(hidden.get(l), activation(v), layers.get(l));
            }
            return true;
        } catch (IllegalArgumentException e) {
            report(v.get(SweepField.METHOD), "gives an invalid layer: " + e.getMessage());
            return false;
        }
    }

    private static boolean valid(Map<SweepField, Setting> v, SweepField... fields) {
        for (SweepField f : fields) {
            if (v.get(f).value() == ValueReader.INVALID) {
                return false;
            }
        }
        return true;
    }

    private void report(Setting at, String rule) {
        errors.add(at.line(), at.path(), rule + " (" + at.path() + " = " + at.shown() + ")", null);
    }

    private static Object value(Map<SweepField, Setting> v, SweepField f) {
        return v.get(f).value();
    }

    /** A number, 0 for an unset nullable one. */
    private static double num(Map<SweepField, Setting> v, SweepField f) {
        Object x = value(v, f);
        return x == null ? 0 : ((Number) x).doubleValue();
    }

    /** The {@code model.conv} layers and {@code dictionary.channels}, or null for an MLP. */
    @SuppressWarnings("unchecked")
    private static ConvSettings conv(Map<SweepField, Setting> v) {
        List<ConvLayerSetting> layers = (List<ConvLayerSetting>) value(v, SweepField.CONV);
        return layers == null ? null : new ConvSettings(layers, "tied".equals(value(v, SweepField.CHANNELS)));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> hidden(Map<SweepField, Setting> v) {
        return (List<Integer>) value(v, SweepField.HIDDEN);
    }

    private static Activation activation(Map<SweepField, Setting> v) {
        return Activation.valueOf(((String) value(v, SweepField.ACTIVATION)).toUpperCase(Locale.ROOT));
    }
}
