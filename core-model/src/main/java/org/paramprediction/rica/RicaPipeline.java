package org.paramprediction.rica;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Stl10;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.optim.LbfgsOptions;
import org.paramprediction.train.DictionarySpec;

/**
 * The paper's RICA experiment (METHOD.md section 6) on one machine, from a seed to two accuracies:
 *
 * <ol>
 *   <li>{@code patches} patches of {@code p x p x C} from the training images ({@link PatchSampler});
 *   <li>ZCA fitted to them ({@link Zca}) and applied;
 *   <li>RICA's filters by L-BFGS ({@link RicaTrainer}): Full ({@code W}, {@code C p^2 x F}) or factored
 *       ({@code W_j = U_j V_j}, one dictionary per column over the {@code p x p} positions, tied across
 *       the channels; {@link RicaMapRecipe});
 *   <li>features of every training, validation and test image ({@link RicaFeatures}: stride-1
 *       convolution with the filters, ZCA folded in, polarity split, {@code g x g} pooling);
 *   <li>a softmax on them, its weight decay chosen on validation ({@link WeightDecaySelection}).
 * </ol>
 *
 * <p>Every random choice comes from {@code new SplittableRandom(seed)}, drawn in this order: one seed per
 * column of the dictionary (as {@code NetworkBuilder.dictionarySeeds} draws them for one layer), the
 * patch seed, the initial-parameter seed. The same data, settings and seed give the same numbers on
 * one machine and BLAS kernel.
 */
public final class RicaPipeline {

    /** Rows per {@link RicaObjective} block: bounds the scratch memory of one evaluation. */
    static final int BLOCK_ROWS = 4_096;
    /** Images per feature gemm. */
    static final int BLOCK_IMAGES = 32;

    private RicaPipeline() {
    }

    /** How a run learns its filters from the whitened patches: on this JVM, or spread over a cluster. */
    @FunctionalInterface
    public interface Learner {
        RicaResult learn(Patches white, RicaMapRecipe recipe, RicaConfig config);
    }

    /** L-BFGS on this JVM over the sum of {@link #BLOCK_ROWS}-row blocks ({@link RicaTrainer}). */
    public static final Learner LOCAL = (white, recipe, config) -> RicaTrainer.train(white, recipe.build().map(),
            config);

    /**
     * The settings of one run ({@code model.rica} in a sweep file).
     *
     * @param features             {@code F}, filters learned
     * @param patch                {@code p}, the filters' width and height
     * @param patches              training patches sampled
     * @param sparsity             weight of the sparsity term per patch: the objective is
     *                             {@code sparsity * mean_i sum_j g(x_i W_j) + mean_i |x_i W W^T - x_i|^2}
     *                             ({@link RicaConfig#lambda()} {@code = sparsity / patches})
     * @param iterations           at most this many L-BFGS iterations (it may stop earlier on its tolerances)
     * @param grid                 {@code g}: each feature map is pooled over a {@code g x g} grid of regions
     * @param pooling              sum or max over a region
     * @param zcaEpsilon           the ZCA regulariser, added to the eigenvalues ({@link Zca#fit})
     * @param smoothEpsilon        {@code eps} of the smooth L1 {@code g(u) = sqrt(eps + u^2)}
     * @param weightDecays         the classifier's weight-decay candidates, chosen on validation
     * @param classifierIterations at most this many L-BFGS iterations per classifier
     * @param patchSource          where the patches (and so the ZCA and the filters) come from:
     *                             {@link #TRAIN} (the training images), {@link #PHOTOS} (the {@code photos}
     *                             files, {@link PhotoPatches}; grey for 1-channel datasets) or
     *                             {@link #STL10_UNLABELED} ({@code unlabeled_X.bin} under the dataset root,
     *                             streamed, {@link Stl10UnlabeledPatches}); the features and the classifier
     *                             are always on the dataset's images
     * @param photos               the photographs' paths for {@link #PHOTOS}, else empty
     */
    public record Settings(int features, int patch, int patches, double sparsity, int iterations, int grid,
            Pooling pooling, double zcaEpsilon, double smoothEpsilon, List<Double> weightDecays,
            int classifierIterations, String patchSource, List<String> photos) implements Serializable {

        public static final String TRAIN = "train";
        public static final String PHOTOS = "photos";
        public static final String STL10_UNLABELED = "stl10_unlabeled";

        /** Patches from the training images. */
        public Settings(int features, int patch, int patches, double sparsity, int iterations, int grid,
                Pooling pooling, double zcaEpsilon, double smoothEpsilon, List<Double> weightDecays,
                int classifierIterations) {
            this(features, patch, patches, sparsity, iterations, grid, pooling, zcaEpsilon, smoothEpsilon,
                    weightDecays, classifierIterations, TRAIN, List.of());
        }

        private static final long serialVersionUID = 1L;

        public Settings {
            require(features >= 1, "features must be >= 1", features);
            require(patch >= 1, "patch must be >= 1", patch);
            require(patches >= 1, "patches must be >= 1", patches);
            require(Double.isFinite(sparsity) && sparsity >= 0, "sparsity must be finite and >= 0", sparsity);
            require(iterations >= 0, "iterations must be >= 0", iterations);
            require(grid >= 1, "grid must be >= 1", grid);
            require(pooling != null, "pooling must be set", pooling);
            require(Double.isFinite(zcaEpsilon) && zcaEpsilon > 0, "zcaEpsilon must be finite and > 0", zcaEpsilon);
            require(Double.isFinite(smoothEpsilon) && smoothEpsilon > 0, "smoothEpsilon must be finite and > 0",
                    smoothEpsilon);
            require(weightDecays != null && !weightDecays.isEmpty(), "weightDecays must not be empty", weightDecays);
            weightDecays = List.copyOf(weightDecays);
            require(weightDecays.stream().allMatch(d -> Double.isFinite(d) && d >= 0),
                    "weightDecays must be finite and >= 0", weightDecays);
            require(classifierIterations >= 1, "classifierIterations must be >= 1", classifierIterations);
            require(List.of(TRAIN, PHOTOS, STL10_UNLABELED).contains(patchSource),
                    "patchSource must be one of train, photos, stl10_unlabeled", patchSource);
            photos = List.copyOf(photos);
            require(PHOTOS.equals(patchSource) != photos.isEmpty(),
                    "photos must be given exactly when patchSource is photos", photos);
        }

        /** The same settings with {@code f} features (Downsized). */
        public Settings withFeatures(int f) {
            return new Settings(f, patch, patches, sparsity, iterations, grid, pooling, zcaEpsilon, smoothEpsilon,
                    weightDecays, classifierIterations, patchSource, photos);
        }

        private static void require(boolean ok, String rule, Object value) {
            if (!ok) {
                throw new IllegalArgumentException(rule + " but was " + value);
            }
        }
    }

    /**
     * What a run measured.
     *
     * @param map                 the weight map's recipe (Full, or one dictionary recipe per column)
     * @param rica                the L-BFGS run: filters, objective before and after, iterations, trace
     * @param weightDecay         the classifier's weight decay chosen on validation
     * @param validAccuracy       the chosen classifier's validation accuracy
     * @param testAccuracy        its test accuracy
     * @param dynamicParameters   RICA's learned values: {@code |V|}, or {@code |W|} for Full
     * @param totalParameters     {@code |W| = C p^2 F}
     * @param featureDimension    values per image given to the classifier ({@code 2 F g^2})
     * @param patchSeed           the seed the patches were drawn with
     * @param initSeed            the seed of RICA's initial parameters
     * @param featureSeconds      wall time of the feature extraction (all three splits)
     * @param classifierSeconds   wall time of training and choosing the classifiers
     */
    public record Outcome(RicaMapRecipe map, RicaResult rica, double weightDecay, double validAccuracy,
            double testAccuracy, long dynamicParameters, long totalParameters, int featureDimension, long patchSeed,
            long initSeed, double featureSeconds, double classifierSeconds) {
    }

    /**
     * Features of a Downsized run: standard RICA with as many learned values as the factored map of
     * {@code fraction} learns, {@code round(F a / p^2)} (at least 1) with {@code a} the dictionary's
     * atoms ({@link DictionarySpec#atoms}).
     */
    public static int downsizedFeatures(int features, int patch, double fraction) {
        int positions = patch * patch;
        int atoms = DictionarySpec.of(DictionaryKind.RAND_FIX_U, fraction, 1).atoms(positions);
        return (int) Math.max(1, Math.round((double) features * atoms / positions));
    }

    /**
     * A lower bound of the Java heap a run needs at its peak: the raw and whitened patches and the
     * objective's block copies ({@code 3 x patches x C p^2} doubles), then the features of every image
     * ({@code 2 F g^2} doubles each).
     */
    public static long heapBytesLowerBound(Settings s, int channels, long images) {
        long n = (long) channels * s.patch() * s.patch();
        long features = 2L * s.features() * s.grid() * s.grid();
        return Math.max(3L * s.patches() * n * Double.BYTES, images * features * Double.BYTES);
    }

    /**
     * The weight map of a run: Full when {@code dictionary} is FULL, else one recipe per column over
     * the {@code p x p} positions (a {@code p x p} grid), tied across {@code channels}.
     *
     * @param seeds one per column ({@link #run} draws them first from the run's seed)
     */
    public static RicaMapRecipe mapRecipe(DictionarySpec dictionary, int channels, Settings s, long[] seeds) {
        int positions = s.patch() * s.patch();
        if (dictionary.kind() == DictionaryKind.FULL) {
            return RicaMapRecipe.full(channels * positions, s.features());
        }
        List<DictionaryRecipe> columns = dictionary.recipes(positions, s.patch(), s.patch(), seeds, null);
        return RicaMapRecipe.factored(columns, channels, s.features());
    }

    /**
     * Runs the experiment.
     *
     * @param data       labelled images (train for patches, ZCA, filters and the classifier; valid for the weight
     *                   decay; test for the reported accuracy)
     * @param dictionary FULL, or a dictionary that rebuilds from its recipe alone ({@link RicaMapRecipe})
     * @param s          the settings
     * @param seed       the run's seed
     * @param dataRoot   the dataset's directory ({@code unlabeled_X.bin} for {@link Settings#STL10_UNLABELED}), or
     *                   null when the patches do not come from there
     */
    public static Outcome run(DataSplits data, DictionarySpec dictionary, Settings s, long seed, Path dataRoot) {
        return run(data, dictionary, s, seed, dataRoot, LOCAL);
    }

    /** {@link #run(DataSplits, DictionarySpec, Settings, long, Path)} with the filters learned by {@code learner}. */
    public static Outcome run(DataSplits data, DictionarySpec dictionary, Settings s, long seed, Path dataRoot,
            Learner learner) {
        Shape image = data.train().shape();
        if (s.patch() > Math.min(image.height(), image.width())) {
            throw new IllegalArgumentException("patch must be <= the images' height and width (" + image + ") but was "
                    + s.patch());
        }
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[dictionary.columns()];
        for (int j = 0; j < seeds.length; j++) {
            seeds[j] = root.nextLong();
        }
        long patchSeed = root.nextLong();
        long initSeed = root.nextLong();
        RicaMapRecipe recipe = mapRecipe(dictionary, image.channels(), s, seeds);
        WeightMap map = recipe.build().map();
        int dynamic = map.parameters();

        Patches raw = patches(data, s, patchSeed, dataRoot);
        Zca zca = Zca.fit(raw.rows(), raw.count(), raw.dimension(), s.zcaEpsilon());
        Patches white = zca.whiten(raw);
        RicaConfig config = new RicaConfig(s.sparsity() / s.patches(), s.smoothEpsilon(), BLOCK_ROWS, initSeed,
                LbfgsOptions.defaults().withMaxIterations(s.iterations()));
        RicaResult rica = learner.learn(white, recipe, config);

        long start = System.nanoTime();
        RicaFeatures features = new RicaFeatures(rica.weights(), s.features(), zca, image, s.patch(), s.grid(),
                s.pooling(), BLOCK_IMAGES);
        FeatureRows train = features.extract(data.train());
        FeatureRows valid = features.extract(data.valid());
        FeatureRows test = features.extract(data.test());
        double featureSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        double[] decays = s.weightDecays().stream().mapToDouble(Double::doubleValue).toArray();
        WeightDecaySelection choice = WeightDecaySelection.select(train, valid, decays,
                LbfgsOptions.defaults().withMaxIterations(s.classifierIterations()));
        double testAccuracy = choice.chosen().accuracy(test);
        double classifierSeconds = (System.nanoTime() - start) / 1e9;
        int chosen = indexOf(decays, choice.chosen().weightDecay());
        return new Outcome(recipe, rica, choice.chosen().weightDecay(), choice.validationAccuracy()[chosen],
                testAccuracy, dynamic, (long) map.inputs() * map.features(), features.dimension(), patchSeed,
                initSeed, featureSeconds, classifierSeconds);
    }

    /** The raw patches of {@code s.patchSource()}, {@code c x p x p} with {@code c} the dataset's channels. */
    static Patches patches(DataSplits data, Settings s, long seed, Path dataRoot) {
        int channels = data.train().shape().channels();
        Patches raw = switch (s.patchSource()) {
            case Settings.PHOTOS -> {
                if (channels != 1 && channels != 3) {
                    throw new IllegalArgumentException("patches from photographs need a 1- or 3-channel dataset but it"
                            + " has " + channels + " channels");
                }
                List<Path> files = s.photos().stream().map(Path::of).toList();
                yield PhotoPatches.sample(PhotoPatches.read(files, channels == 1), s.patch(), s.patches(), seed);
            }
            case Settings.STL10_UNLABELED -> {
                if (dataRoot == null) {
                    throw new IllegalArgumentException("patches from stl10_unlabeled need the dataset root");
                }
                yield Stl10UnlabeledPatches.sample(dataRoot.resolve(Stl10.UNLABELED_X), s.patch(), s.patches(), seed);
            }
            default -> PatchSampler.sample(data.train(), s.patch(), s.patches(), seed);
        };
        if (raw.shape().channels() != channels) {
            throw new IllegalArgumentException("the " + s.patchSource() + " patches have " + raw.shape().channels()
                    + " channels but the dataset's images have " + channels);
        }
        return raw;
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (Double.compare(values[i], v) == 0) {
                return i;
            }
        }
        throw new IllegalStateException(v + " is not in " + Arrays.toString(values));
    }
}
