package org.paramprediction.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.SplitSpec;

/**
 * Datasets loaded at most once per JVM (driver or executor) and shared by every task in it. Images
 * stay as bytes (47 MB for Fashion-MNIST, 184 MB for CIFAR-10); splits are views, permuted variants one copy each.
 */
public final class DatasetCache {

    private static final Map<String, ByteImageDataset[]> FILES = new ConcurrentHashMap<>(); // by format and root
    private static final Map<DataRef, DataSplits> SPLITS = new ConcurrentHashMap<>();

    private DatasetCache() {}

    public static DataSplits get(DataRef ref, HadoopConf conf) {
        return SPLITS.computeIfAbsent(ref, r -> load(r, conf));
    }

    private static DataSplits load(DataRef ref, HadoopConf conf) {
        ByteImageDataset[] files = FILES.computeIfAbsent(ref.format().configName() + "|" + ref.root(),
                key -> new ByteImageDataset[] {
                    DatasetFiles.read(ref.format(), ref.root(), true, conf),
                    DatasetFiles.read(ref.format(), ref.root(), false, conf)
                });
        DataSplits s = DataSplits.fromFiles(files[0], files[1], new SplitSpec(ref.trainSize(), ref.validSize()),
                ref.permutationSeed());
        if (ref.testSize() != null && ref.testSize() < s.test().size()) {
            s = new DataSplits(s.train(), s.valid(), s.test().slice(0, ref.testSize()));
        }
        return s;
    }
}
