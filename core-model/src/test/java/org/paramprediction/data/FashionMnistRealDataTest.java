package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks against the installed Fashion-MNIST files (skipped if the Debian package is absent). */
class FashionMnistRealDataTest {

    private static ByteImageDataset trainFile;
    private static ByteImageDataset testFile;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_ROOT),
                FashionMnist.DEFAULT_ROOT + " missing: apt-get install -y dataset-fashion-mnist");
        trainFile = FashionMnist.loadTrainFile(FashionMnist.DEFAULT_ROOT);
        testFile = FashionMnist.loadTestFile(FashionMnist.DEFAULT_ROOT);
    }

    @Test
    void fileSizesAndShape() {
        assertEquals(60_000, trainFile.size());
        assertEquals(10_000, testFile.size());
        assertEquals(784, trainFile.features());
        assertEquals(28, trainFile.rows());
        assertEquals(28, trainFile.cols());
        assertEquals(10, trainFile.numClasses());
    }

    @Test
    void trainingFileHas6000LabelsPerClass() {
        int[] counts = new int[10];
        for (int i = 0; i < trainFile.size(); i++) {
            counts[trainFile.label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, counts[c], "class " + c);
        }
    }

    @Test
    void meanPixelOfTrainingFileIsAbout0Point2860() {
        int batch = 1000;
        int[] idx = new int[trainFile.size()];
        java.util.Arrays.setAll(idx, i -> i);
        float[] buf = new float[batch * 784];
        double sum = 0;
        for (int from = 0; from < idx.length; from += batch) {
            trainFile.copyRows(idx, from, from + batch, buf);
            for (float v : buf) {
                sum += v;
            }
        }
        assertEquals(0.2860, sum / (60_000.0 * 784), 0.0005);
    }

    @Test
    void defaultSplitIs50000Train10000Valid10000Test() {
        DataSplits s = FashionMnist.split(trainFile, testFile, SplitSpec.DEFAULT, null);
        assertEquals(50_000, s.train().size());
        assertEquals(10_000, s.valid().size());
        assertEquals(10_000, s.test().size());
        assertEquals(trainFile.label(50_000), s.valid().label(0));
    }
}
