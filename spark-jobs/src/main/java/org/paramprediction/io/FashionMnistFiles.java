package org.paramprediction.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.FashionMnist;

/** Reads the Fashion-MNIST IDX files through the Hadoop FileSystem API (local, HDFS, S3 alike). */
public final class FashionMnistFiles {

    private static final String[] FILES = {
        FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS
    };

    private FashionMnistFiles() {}

    /** The training file (60,000 images) or the test file (10,000) under {@code root}. */
    public static ByteImageDataset read(String root, boolean train, HadoopConf conf) {
        Path images = resolve(root, train ? FashionMnist.TRAIN_IMAGES : FashionMnist.TEST_IMAGES, conf);
        Path labels = resolve(root, train ? FashionMnist.TRAIN_LABELS : FashionMnist.TEST_LABELS, conf);
        try (FileSystem fs = FileSystem.newInstance(images.toUri(), conf.toConfiguration());
                InputStream img = fs.open(images);
                InputStream lab = fs.open(labels)) {
            return FashionMnist.read(img, images.toString(), lab, labels.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST under " + root + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the bytes of the four files, in a fixed order (the dataset's identity). */
    public static String sha256(String root, HadoopConf conf) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (String name : FILES) {
                Path p = resolve(root, name, conf);
                try (FileSystem fs = FileSystem.newInstance(p.toUri(), conf.toConfiguration());
                        InputStream in = fs.open(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash Fashion-MNIST under " + root + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code root/name}, or the same without {@code .gz} when only that exists. */
    private static Path resolve(String root, String gzName, HadoopConf conf) {
        Path gz = new Path(root, gzName);
        Path plain = new Path(root, gzName.substring(0, gzName.length() - ".gz".length()));
        try (FileSystem fs = FileSystem.newInstance(gz.toUri(), conf.toConfiguration())) {
            if (fs.exists(gz)) {
                return fs.makeQualified(gz);
            }
            if (fs.exists(plain)) {
                return fs.makeQualified(plain);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        throw new UncheckedIOException(new IOException("Fashion-MNIST file " + gz + " not found (nor "
                + plain.getName() + "); `apt-get install -y " + FashionMnist.DEBIAN_PACKAGE + "` provides it under "
                + FashionMnist.DEFAULT_ROOT));
    }
}
