package org.paramprediction.covariance;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.stats.Covariance;

/**
 * Covariances stored under an output root on any Hadoop FileSystem ({@code file:}, {@code hdfs://},
 * {@code s3a://}), one per caller-chosen key: {@code <root>/covariance/<key>/covariance.bin} in the
 * {@link CovarianceFile} format (trailing SHA-256, checked on load).
 *
 * <p>A save writes a hidden temporary file ({@code .covariance.bin.<uuid>.tmp}, which Hadoop and
 * Spark listings skip) in the same directory and renames it into place, so a crash never leaves a
 * half-written {@code covariance.bin}: a reader sees the old file, no file, or the whole new one.
 * Saving over an existing file replaces it (on stores whose rename does not overwrite, the old file
 * is deleted first, leaving a short window with no file, never a partial one).
 */
public final class CovarianceStore {

    /** Name of the file under {@code <root>/covariance/<key>/}. */
    public static final String FILE_NAME = "covariance.bin";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=-]{0,199}");

    private final Path root;
    private final Configuration conf;

    /** @param root the output root (any Hadoop path) */
    public CovarianceStore(Path root, Configuration conf) {
        if (root == null || conf == null) {
            throw new IllegalArgumentException("root and conf must not be null");
        }
        this.root = root;
        this.conf = conf;
    }

    /** For tasks: the root as a string and the driver's Hadoop settings. */
    public CovarianceStore(String root, HadoopConf conf) {
        this(new Path(requireRoot(root)), conf.toConfiguration());
    }

    private static String requireRoot(String root) {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("root must be a non-empty path but was '" + root + "'");
        }
        return root;
    }

    /** {@code <root>/covariance/<key>/covariance.bin}. */
    public Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key must match " + KEY.pattern()
                    + " (a file name: letters, digits, '.', '_', '=', '-') but was '" + key + "'");
        }
        return new Path(new Path(new Path(root, "covariance"), key), FILE_NAME);
    }

    /**
     * The covariance stored under {@code key}, or empty if there is none.
     *
     * @throws UncheckedIOException naming the path if the file is corrupt or cannot be read
     */
    public Optional<Covariance> load(String key) {
        Path file = path(key);
        try {
            FileSystem fs = file.getFileSystem(conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(file);
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(file)) {
                return Optional.of(CovarianceFile.read(in, status.getLen(), file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage().contains(file.toString())
                    ? e.getMessage() : "cannot read covariance file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code covariance} under {@code key}: temporary file, then rename.
     *
     * @throws UncheckedIOException naming the path if writing or renaming fails (the temporary file
     *     is removed)
     */
    public void save(String key, Covariance covariance) {
        if (covariance == null) {
            throw new IllegalArgumentException("covariance must not be null");
        }
        Path file = path(key);
        Path tmp = new Path(file.getParent(), "." + FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        FileSystem fs;
        try {
            fs = file.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of " + file + ": " + e.getMessage(), e);
        }
        try {
            write(fs, tmp, covariance);
            rename(fs, tmp, file);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(fs, tmp, e);
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot save covariance to " + file + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    private static void write(FileSystem fs, Path tmp, Covariance covariance) throws IOException {
        try (FSDataOutputStream out = fs.create(tmp, false)) {
            CovarianceFile.write(covariance, out);
            if (out.hasCapability(StreamCapabilities.HSYNC)) {
                out.hsync(); // durable before the rename makes it visible
            }
        }
    }

    private static void rename(FileSystem fs, Path tmp, Path file) throws IOException {
        if (fs.rename(tmp, file)) {
            return;
        }
        // HDFS and others refuse to rename over an existing file: replace it.
        if (fs.exists(file) && fs.delete(file, false) && fs.rename(tmp, file)) {
            return;
        }
        throw new IOException("rename of " + tmp + " to " + file + " failed");
    }

    private static void deleteQuietly(FileSystem fs, Path tmp, Exception failure) {
        try {
            fs.delete(tmp, false);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "CovarianceStore[" + root + "]";
    }
}
