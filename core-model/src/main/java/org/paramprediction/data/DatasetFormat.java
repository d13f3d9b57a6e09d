package org.paramprediction.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The on-disk formats of the labelled image datasets, with their config names, the files expected
 * under a dataset root, the shape of one example and the number of classes.
 */
public enum DatasetFormat {

    /** Fashion-MNIST IDX files, {@code .gz} or plain ({@link FashionMnist}). */
    IDX("idx", Shape.image(28, 28), FashionMnist.NUM_CLASSES, List.of(FashionMnist.TRAIN_IMAGES,
            FashionMnist.TRAIN_LABELS, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS)),
    /** The CIFAR-10 binary version ({@link Cifar10}). */
    CIFAR10("cifar10", Cifar10.SHAPE, Cifar10.NUM_CLASSES, concat(Cifar10.TRAIN_BATCHES,
            List.of(Cifar10.TEST_BATCH))),
    /** The STL-10 binary files, labelled part ({@link Stl10}). */
    STL10("stl10", Stl10.SHAPE, Stl10.NUM_CLASSES, List.of(Stl10.TRAIN_X, Stl10.TRAIN_Y,
            Stl10.TEST_X, Stl10.TEST_Y));

    private final String configName;
    private final Shape shape;
    private final int numClasses;
    private final List<String> files;

    DatasetFormat(String configName, Shape shape, int numClasses, List<String> files) {
        this.configName = configName;
        this.shape = shape;
        this.numClasses = numClasses;
        this.files = files;
    }

    /** The name used in configs: {@code idx}, {@code cifar10} or {@code stl10}. */
    public String configName() {
        return configName;
    }

    /** Shape of one example: 1x28x28, 3x32x32 or 3x96x96. */
    public Shape shape() {
        return shape;
    }

    /** Number of classes (10 for all three). */
    public int numClasses() {
        return numClasses;
    }

    /**
     * The files a dataset root must hold for the labelled train and test files (for {@link #IDX}
     * each may also be present uncompressed, without {@code .gz}; optional extras such as
     * {@value Cifar10#META} or {@value Stl10#UNLABELED_X} are not listed).
     */
    public List<String> files() {
        return files;
    }

    /**
     * The format with config name {@code name} (exact, lower case).
     *
     * @throws IllegalArgumentException listing the valid names if there is none
     */
    public static DatasetFormat parse(String name) {
        for (DatasetFormat f : values()) {
            if (f.configName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown dataset format '" + name + "'; valid formats: "
                + Arrays.stream(values()).map(DatasetFormat::configName).collect(Collectors.joining(", ")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
