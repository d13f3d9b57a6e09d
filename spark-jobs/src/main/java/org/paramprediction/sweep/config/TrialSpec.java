package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.Activation;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.train.Alternation;
import org.paramprediction.train.DictionarySpec;
import org.paramprediction.train.Growth;
import org.paramprediction.train.DownsizedWidths;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.TrainingConfig;

/**
 * One fully resolved trial of a sweep: flat, typed fields (they become Parquet columns). Build it
 * with {@link #create}, which normalises the settings a method ignores and derives the identity;
 * the canonical constructor checks that the fields are normalised and that {@code
 * canonicalConfig}, {@code trialId} and {@code seed} are the ones derived from them.
 *
 * <p>Normalisation (so that settings a method ignores cannot split one trial into several): Full
 * has fraction 1 and 1 column; Downsized, PCA, and DCT whose factored layers are all DCT layers have
 * 1 column ({@link Method#usesColumns(int, boolean)}); methods without kernel layers have ridge 0;
 * methods without SE layers have both length scales 0; Full and LowRank have {@code orthonormal =
 * false}.
 *
 * @param sweepId           the sweep's name
 * @param trialId           first 16 hex characters of SHA-256 of {@code canonicalConfig}
 * @param repeat            0-based repeat index
 * @param seed              derived from {@code canonicalConfig} only (see {@link TrialIdentity})
 * @param method            display name of the {@link Method}
 * @param activation        {@code relu}, {@code tanh} or {@code sigmoid}
 * @param lengthScale       fixed SE length scale in pixels, or 0
 * @param lengthScaleFactor SE length scale as a multiple of the alpha spacing, or 0
 * @param distributed       null for a trial trained inside one task, else how it runs on the cluster
 * @param canonicalConfig   sorted-key JSON of every field except sweepId, trialId, seed and timeoutSeconds
 * @param timeoutSeconds    {@code training.timeout_s}: the trial fails when its training runs longer, or
 *                          null (no limit). Not in {@code canonicalConfig}: a limit changes whether a trial
 *                          finishes, not what a finished trial computes, so its id and results stay
 * @param alternate         {@code training.alternate}: alternating U/V phases, or null (U fixed; absent from
 *                          {@code canonicalConfig} then, so existing ids stay)
 * @param grow              {@code dictionary.grow}: a growing fraction, or null (absent from {@code
 *                          canonicalConfig} then)
 * @param rica              {@code model.rica}: a RICA trial ({@link RicaPipeline}) instead of a network, or null.
 *                          A RICA trial has {@code hidden = [features]}, {@code relu} and the default training
 *                          settings (none of them used), no conv layers, and trains in one task or
 *                          {@code data_parallel} (patches partitioned, {@code V} on the wire); its canonical
 *                          config has {@code model.rica} in place of {@code hidden}, {@code activation} and
 *                          {@code training}
 */
public record TrialSpec(
        String sweepId,
        String trialId,
        int repeat,
        long seed,
        String method,
        double fraction,
        int columns,
        String dataFormat,
        String dataRoot,
        int trainSize,
        int validSize,
        Integer testSize,
        Long permutationSeed,
        List<Integer> hidden,
        String activation,
        double ridge,
        double lengthScale,
        double lengthScaleFactor,
        boolean orthonormal,
        TrainingConfig training,
        DistributedSpec distributed,
        ConvSettings conv,
        String canonicalConfig,
        Integer timeoutSeconds,
        Alternation alternate,
        Growth grow,
        RicaPipeline.Settings rica)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrialSpec {
        require(sweepId != null && !sweepId.isBlank(), "sweepId must not be blank", sweepId);
        require(repeat >= 0, "repeat must be >= 0", repeat);
        Method m = Method.parse(method);
        activationOf(activation);
        require(fraction > 0 && fraction <= 1, "fraction must be in (0, 1]", fraction);
        require(columns >= 1, "columns must be >= 1", columns);
        require(dataFormat != null && DatasetFormat.parse(dataFormat) != null, "dataFormat must be set", dataFormat);
        require(dataRoot != null && !dataRoot.isBlank(), "dataRoot must not be blank", dataRoot);
        require(trainSize >= 1 && validSize >= 1, "trainSize and validSize must be >= 1",
                trainSize + " and " + validSize);
        require(testSize == null || testSize >= 1, "testSize must be null or >= 1", testSize);
        require(permutationSeed == null || permutationSeed >= 1, "permutationSeed must be null or >= 1",
                permutationSeed);
        require(hidden != null, "hidden must be set", null);
        hidden = List.copyOf(hidden);
        require(!hidden.isEmpty() && hidden.stream().allMatch(u -> u >= 1), "hidden must be non-empty sizes >= 1",
                hidden);
        require(Double.isFinite(ridge) && ridge >= 0, "ridge must be >= 0", ridge);
        require(Double.isFinite(lengthScale) && lengthScale >= 0, "lengthScale must be >= 0", lengthScale);
        require(Double.isFinite(lengthScaleFactor) && lengthScaleFactor >= 0, "lengthScaleFactor must be >= 0",
                lengthScaleFactor);
        require(training != null, "training must be set", null);
        require(timeoutSeconds == null || timeoutSeconds >= 1, "timeoutSeconds must be null or >= 1", timeoutSeconds);
        require(conv == null || distributed == null || !DistributedSpec.COLUMNS.equals(distributed.mode()),
                "columns as tasks trains dense layers only; a convnet (model.conv) runs in one task or data_parallel",
                distributed == null ? null : distributed.mode());
        require(distributed == null || (alternate == null && grow == null), "training.alternate and dictionary.grow"
                + " must not be set for a distributed trial (it ships V and rebuilds U from its recipe)",
                distributed == null ? null : distributed.mode());
        if (rica != null) {
            require(RICA_METHODS.contains(m), "method must be one of " + RICA_METHODS.stream().map(Method::displayName)
                    .toList() + " for a RICA trial (model.rica)", method);
            require(conv == null && (distributed == null || distributed.dataParallel()) && alternate == null
                    && grow == null, "a RICA trial (model.rica) has no conv layers, alternate or grow, and runs in one"
                    + " task or data_parallel", conv + ", " + distributed + ", " + alternate + ", " + grow);
            require(hidden.equals(List.of(rica.features())), "hidden must be [model.rica.features] for a RICA trial",
                    hidden);
        }
        requireNormalised(m, fraction, columns, ridge, lengthScale, lengthScaleFactor, orthonormal);
        require(columns == 1 || usesColumns(m, hidden, conv), "columns must be 1 for " + m.displayName() + " here: "
                + m.whyNoColumns(), columns);
        String expected = TrialIdentity.canonicalConfig(repeat, method, fraction, columns, dataFormat, dataRoot,
                trainSize,
                validSize, testSize, permutationSeed, hidden, activation, ridge, lengthScale, lengthScaleFactor,
                orthonormal, training, distributed, conv, alternate, grow, rica);
        require(expected.equals(canonicalConfig), "canonicalConfig must be " + expected, canonicalConfig);
        require(TrialIdentity.trialId(canonicalConfig).equals(trialId),
                "trialId must be " + TrialIdentity.trialId(canonicalConfig), trialId);
        require(TrialIdentity.seed(canonicalConfig) == seed, "seed must be " + TrialIdentity.seed(canonicalConfig),
                seed);
    }

    /** A trial without alternating U/V phases or a growing fraction. */
    public TrialSpec(String sweepId, String trialId, int repeat, long seed, String method, double fraction,
            int columns, String dataFormat, String dataRoot, int trainSize, int validSize, Integer testSize,
            Long permutationSeed, List<Integer> hidden, String activation, double ridge, double lengthScale,
            double lengthScaleFactor, boolean orthonormal, TrainingConfig training, DistributedSpec distributed,
            ConvSettings conv, String canonicalConfig, Integer timeoutSeconds) {
        this(sweepId, trialId, repeat, seed, method, fraction, columns, dataFormat, dataRoot, trainSize, validSize,
                testSize, permutationSeed, hidden, activation, ridge, lengthScale, lengthScaleFactor, orthonormal,
                training, distributed, conv, canonicalConfig, timeoutSeconds, null, null, null);
    }

    /** A network trial (not RICA). */
    public TrialSpec(String sweepId, String trialId, int repeat, long seed, String method, double fraction,
            int columns, String dataFormat, String dataRoot, int trainSize, int validSize, Integer testSize,
            Long permutationSeed, List<Integer> hidden, String activation, double ridge, double lengthScale,
            double lengthScaleFactor, boolean orthonormal, TrainingConfig training, DistributedSpec distributed,
            ConvSettings conv, String canonicalConfig, Integer timeoutSeconds, Alternation alternate, Growth grow) {
        this(sweepId, trialId, repeat, seed, method, fraction, columns, dataFormat, dataRoot, trainSize, validSize,
                testSize, permutationSeed, hidden, activation, ridge, lengthScale, lengthScaleFactor, orthonormal,
                training, distributed, conv, canonicalConfig, timeoutSeconds, alternate, grow, null);
    }

    /** {@link #create(String, int, Method, double, int, String, String, int, int, Integer, Long, List, Activation,
     * double, double, double, boolean, TrainingConfig, DistributedSpec, ConvSettings, Integer, Alternation, Growth)}
     * without alternating U/V phases or a growing fraction. */
    public static TrialSpec create(String sweepId, int repeat, Method method, double fraction, int columns,
            String dataFormat, String dataRoot, int trainSize, int validSize, Integer testSize, Long permutationSeed,
            List<Integer> hidden, Activation activation, double ridge, double lengthScale,
            double lengthScaleFactor, boolean orthonormal, TrainingConfig training, DistributedSpec distributed,
            ConvSettings conv, Integer timeoutSeconds) {
        return create(sweepId, repeat, method, fraction, columns, dataFormat, dataRoot, trainSize, validSize,
                testSize, permutationSeed, hidden, activation, ridge, lengthScale, lengthScaleFactor, orthonormal,
                training, distributed, conv, timeoutSeconds, null, null);
    }

    /**
     * A trial from its settings: normalises what {@code method} ignores, then derives {@code
     * canonicalConfig}, {@code trialId} and {@code seed}. The combinations of {@code alternate} and
     * {@code grow} with methods and models are checked by the sweep's config validation.
     */
    public static TrialSpec create(String sweepId, int repeat, Method method, double fraction, int columns,
            String dataFormat, String dataRoot, int trainSize, int validSize, Integer testSize, Long permutationSeed,
            List<Integer> hidden, Activation activation, double ridge, double lengthScale,
            double lengthScaleFactor, boolean orthonormal, TrainingConfig training, DistributedSpec distributed,
            ConvSettings conv, Integer timeoutSeconds, Alternation alternate, Growth grow) {
        return create(sweepId, repeat, method, fraction, columns, dataFormat, dataRoot, trainSize, validSize,
                testSize, permutationSeed, hidden, activation, ridge, lengthScale, lengthScaleFactor, orthonormal,
                training, distributed, conv, timeoutSeconds, alternate, grow, null);
    }

    /**
     * As above, for a network or (with {@code rica} set) a RICA trial, whose {@code hidden}, {@code activation}
     * and {@code training} are normalised to {@code [features]}, relu and the defaults.
     */
    public static TrialSpec create(String sweepId, int repeat, Method method, double fraction, int columns,
            String dataFormat, String dataRoot, int trainSize, int validSize, Integer testSize, Long permutationSeed,
            List<Integer> hidden, Activation activation, double ridge, double lengthScale,
            double lengthScaleFactor, boolean orthonormal, TrainingConfig training, DistributedSpec distributed,
            ConvSettings conv, Integer timeoutSeconds, Alternation alternate, Growth grow,
            RicaPipeline.Settings rica) {
        if (rica != null) {
            hidden = List.of(rica.features());
            activation = Activation.RELU;
            training = TrainingConfig.defaults();
        }
        double f = method.usesFraction() ? fraction : 1.0;
        int c = usesColumns(method, hidden, conv) ? columns : 1;
        double r = method.usesRidge() ? ridge : 0;
        double ls = method.usesLengthScale() ? lengthScale : 0;
        double lsf = method.usesLengthScale() ? lengthScaleFactor : 0;
        boolean o = method.usesOrthonormal() && orthonormal;
        String act = activation.name().toLowerCase(Locale.ROOT);
        String canonical = TrialIdentity.canonicalConfig(repeat, method.displayName(), f, c, dataFormat, dataRoot,
                trainSize,
                validSize, testSize, permutationSeed, hidden, act, r, ls, lsf, o, training, distributed, conv,
                alternate, grow, rica);
        return new TrialSpec(sweepId, TrialIdentity.trialId(canonical), repeat, TrialIdentity.seed(canonical),
                method.displayName(), f, c, dataFormat, dataRoot, trainSize, validSize, testSize, permutationSeed, hidden, act,
                r, ls, lsf, o, training, distributed, conv, canonical, timeoutSeconds, alternate, grow, rica);
    }

    /** The methods a RICA trial takes: their first-layer dictionary rebuilds from its recipe alone. */
    public static final List<Method> RICA_METHODS = List.of(Method.FULL, Method.DOWNSIZED, Method.SE,
            Method.RAND_FIX_U, Method.RAND_CON, Method.DCT);

    /** {@code model.rica} as canonical JSON (every key, defaults included), or null for a network. */
    public String ricaText() {
        return rica == null ? null : CanonicalJson.render(RicaSettingsReader.canonical(rica));
    }

    /** True for a RICA trial ({@code model.rica}). */
    public boolean isRica() {
        return rica != null;
    }

    /**
     * A RICA trial's filter dictionary over the {@code p x p} positions: the method's first-layer
     * dictionary (FULL for Full and Downsized).
     */
    public DictionarySpec ricaDictionary() {
        return methodEnum().layers(1, fraction, columns, ridge, lengthScale, lengthScaleFactor, orthonormal).get(0);
    }

    /** A RICA trial's settings as it runs them: Downsized learns fewer features ({@link RicaPipeline#downsizedFeatures}). */
    public RicaPipeline.Settings ricaRun() {
        return methodEnum() == Method.DOWNSIZED
                ? rica.withFeatures(RicaPipeline.downsizedFeatures(rica.features(), rica.patch(), fraction)) : rica;
    }

    public Method methodEnum() {
        return Method.parse(method);
    }

    public Activation activationEnum() {
        return activationOf(activation);
    }

    /** The dictionary of each hidden layer ({@link Method#layers}). */
    public List<DictionarySpec> dictionaries() {
        return methodEnum().layers(hidden.size(), fraction, columns, ridge, lengthScale, lengthScaleFactor,
                orthonormal);
    }

    public DatasetFormat dataFormatEnum() {
        return DatasetFormat.parse(dataFormat);
    }

    /** The network of this trial for examples of shape {@code input} and {@code classes} classes. */
    public ModelSpec modelSpec(Shape input, int classes) {
        if (rica != null) {
            throw new IllegalStateException("a RICA trial (model.rica) has no network: " + label());
        }
        if (conv != null) {
            return convnetSpec(input, classes);
        }
        List<DictionarySpec> dictionaries = dictionaries();
        List<Integer> sizes = methodEnum().hiddenSizes(input.features(), hidden, classes, fraction);
        List<LayerSpec> layers = new ArrayList<>(hidden.size());
        for (int l = 0; l < hidden.size(); l++) {
            layers.add(new LayerSpec(sizes.get(l), activationEnum(), dictionaries.get(l)));
        }
        return new ModelSpec(input, layers, classes);
    }

    /**
     * A convnet: the method's dictionaries in the conv layers (the first conv layer is its "layer 1"),
     * Full dense layers above them; Downsized is the Full convnet with every layer's units scaled to
     * the dynamic parameter count of the RandFixU convnet at the trial's fraction.
     */
    private ModelSpec convnetSpec(Shape input, int classes) {
        Method m = methodEnum();
        if (m == Method.DOWNSIZED) {
            return DownsizedWidths.of(convnet(input, classes, Method.RAND_FIX_U.layers(conv.layers().size(), fraction,
                    1, 0, 0, 0, false)));
        }
        return convnet(input, classes, convDictionaries(m));
    }

    /**
     * {@link Method#layers} for the conv layers; DCT, whose layers above the first fall back to an
     * empirical kernel only because hidden units have no grid, keeps DCT in every tied conv layer.
     */
    private List<DictionarySpec> convDictionaries(Method m) {
        List<DictionarySpec> d = new ArrayList<>(m.layers(conv.layers().size(), fraction, columns, ridge, lengthScale,
                lengthScaleFactor, orthonormal));
        if (m == Method.DCT && conv.tied()) {
            for (int l = 1; l < d.size(); l++) {
                d.set(l, d.get(0));
            }
        }
        return d;
    }

    private ModelSpec convnet(Shape input, int classes, List<DictionarySpec> convDicts) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < conv.layers().size(); l++) {
            ConvLayerSetting c = conv.layers().get(l);
            layers.add(new LayerSpec(c.filters(), activationEnum(), convDicts.get(l), c.spec(conv.tied())));
        }
        for (int units : hidden) {
            layers.add(new LayerSpec(units, activationEnum(), DictionarySpec.full()));
        }
        return new ModelSpec(input, layers, classes);
    }

    /** Short label for logs, e.g. {@code SE-Emp f=0.1 c=5 r=0 [3f2a...]}. */
    public String label() {
        String what = methodEnum().usesFraction()
                ? method + " f=" + CanonicalJson.decimal(fraction) + " c=" + columns
                : method;
        String where = distributed == null ? "" : " " + distributed.mode() + "/" + distributed.partitions();
        return what + where + " r=" + repeat + " [" + trialId + "]";
    }

    private static Activation activationOf(String name) {
        for (Activation a : Activation.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation must be one of relu, tanh, sigmoid but was " + name);
    }

    /** {@link Method#usesColumns(int, boolean)} for a trial's layers. */
    static boolean usesColumns(Method m, List<Integer> hidden, ConvSettings conv) {
        return conv == null ? m.usesColumns(hidden.size(), false) : m.usesColumns(conv.layers().size(), conv.tied());
    }

    private static void requireNormalised(Method m, double fraction, int columns, double ridge, double lengthScale,
            double lengthScaleFactor, boolean orthonormal) {
        if (!m.usesFraction()) {
            require(fraction == 1 && columns == 1, "fraction and columns must be 1 for " + m.displayName(),
                    fraction + " and " + columns);
        }
        if (!m.usesColumns()) {
            require(columns == 1, "columns must be 1 for " + m.displayName(), columns);
        }
        if (!m.usesRidge()) {
            require(ridge == 0, "ridge must be 0 for " + m.displayName() + " (no kernel layer)", ridge);
        }
        if (m.usesLengthScale()) {
            require((lengthScale > 0) != (lengthScaleFactor > 0),
                    "exactly one of lengthScale and lengthScaleFactor must be > 0 for " + m.displayName(),
                    lengthScale + " and " + lengthScaleFactor);
        } else {
            require(lengthScale == 0 && lengthScaleFactor == 0,
                    "lengthScale and lengthScaleFactor must be 0 for " + m.displayName() + " (no SE layer)",
                    lengthScale + " and " + lengthScaleFactor);
        }
        if (!m.usesOrthonormal()) {
            require(!orthonormal, "orthonormal must be false for " + m.displayName(), true);
        }
    }

    private static void require(boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + " but was " + value);
        }
    }
}
