package org.paramprediction.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.Cifar10;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.data.Stl10;

/**
 * Reads a dataset's files in any {@link DatasetFormat} through the Hadoop FileSystem API (local,
 * HDFS, S3 alike): Fashion-MNIST IDX ({@code .gz} or plain), the CIFAR-10 binary batches, the STL-10
 * labelled binaries. The parsing and its checks are core-model's ({@link FashionMnist}, {@link
 * Cifar10}, {@link Stl10}); a missing file is an {@link UncheckedIOException} naming it and the files
 * the format expects.
 */
public final class DatasetFiles {

    private DatasetFiles() {}

    /** The training file (all training batches, in order) or the test file under {@code root}. */
    public static ByteImageDataset read(DatasetFormat format, String root, boolean train, HadoopConf conf) {
        return switch (format) {
            case IDX -> {
                Path images = resolve(format, root, train ? FashionMnist.TRAIN_IMAGES : FashionMnist.TEST_IMAGES, conf);
                Path labels = resolve(format, root, train ? FashionMnist.TRAIN_LABELS : FashionMnist.TEST_LABELS, conf);
                yield withStreams(root, List.of(images, labels),
                        in -> FashionMnist.read(in.get(0), images.toString(), in.get(1), labels.toString()), conf);
            }
            case CIFAR10 -> {
                List<String> names = train ? Cifar10.TRAIN_BATCHES : List.of(Cifar10.TEST_BATCH);
                List<ByteImageDataset> batches = new ArrayList<>();
                for (String name : names) {
                    Path p = resolve(format, root, name, conf);
                    batches.add(withStreams(root, List.of(p), in -> Cifar10.read(in.get(0), p.toString()), conf));
                }
                yield batches.size() == 1 ? batches.get(0) : ByteImageDataset.concat(batches);
            }
            case STL10 -> {
                Path images = resolve(format, root, train ? Stl10.TRAIN_X : Stl10.TEST_X, conf);
                Path labels = resolve(format, root, train ? Stl10.TRAIN_Y : Stl10.TEST_Y, conf);
                yield withStreams(root, List.of(images, labels),
                        in -> Stl10.read(in.get(0), images.toString(), in.get(1), labels.toString()), conf);
            }
        };
    }

    /** SHA-256 over the bytes of the format's files under {@code root}, in their fixed order (the dataset's identity). */
    public static String sha256(DatasetFormat format, String root, HadoopConf conf) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (String name : format.files()) {
                Path p = resolve(format, root, name, conf);
                try (FileSystem fs = FileSystem.newInstance(p.toUri(), conf.toConfiguration());
                        InputStream in = fs.open(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the " + format.configName() + " files under " + root + ": "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface StreamReader {
        ByteImageDataset read(List<InputStream> streams);
    }

    private static ByteImageDataset withStreams(String root, List<Path> paths, StreamReader reader, HadoopConf conf) {
        try (FileSystem fs = FileSystem.newInstance(paths.get(0).toUri(), conf.toConfiguration())) {
            List<InputStream> streams = new ArrayList<>();
            try {
                for (Path p : paths) {
                    streams.add(fs.open(p));
                }
                return reader.read(streams);
            } finally {
                for (InputStream s : streams) {
                    s.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + paths + " under " + root + ": " + e.getMessage(), e);
        }
    }

    /** {@code root/name}; for IDX also the same without {@code .gz} when only that exists. */
    private static Path resolve(DatasetFormat format, String root, String name, HadoopConf conf) {
        Path p = new Path(root, name);
        Path plain = format == DatasetFormat.IDX && name.endsWith(".gz")
                ? new Path(root, name.substring(0, name.length() - ".gz".length())) : null;
        try (FileSystem fs = FileSystem.newInstance(p.toUri(), conf.toConfiguration())) {
            if (fs.exists(p)) {
                return fs.makeQualified(p);
            }
            if (plain != null && fs.exists(plain)) {
                return fs.makeQualified(plain);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        String msg = switch (format) {
            case IDX -> "Fashion-MNIST file " + p + " not found (nor " + plain.getName() + "); `apt-get install -y "
                    + FashionMnist.DEBIAN_PACKAGE + "` provides it under " + FashionMnist.DEFAULT_ROOT;
            case CIFAR10 -> "CIFAR-10 binary batch " + p + " not found; dataset.root must hold "
                    + String.join(", ", format.files()) + " (the 'CIFAR-10 binary version', directory "
                    + Cifar10.ARCHIVE_DIR + ")";
            case STL10 -> "STL-10 binary file " + p + " not found; dataset.root must hold "
                    + String.join(", ", format.files()) + " (directory " + Stl10.ARCHIVE_DIR + ")";
        };
        throw new UncheckedIOException(msg, new NoSuchFileException(p.toString(), null, msg));
    }
}
