package org.paramprediction.covariance;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.paramprediction.io.AtomicFiles;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.stats.Covariance;

/**
 * Covariances stored under an output root on any Hadoop FileSystem ({@code file:}, {@code hdfs://},
 * {@code s3a://}), one per caller-chosen key: {@code <root>/covariance/<key>/covariance.bin} in the
 * {@link CovarianceFile} format (trailing SHA-256, checked on load). A save never leaves a
 * half-written file ({@link AtomicFiles}: a hidden {@code .covariance.bin.<uuid>.tmp}, renamed into place).
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
        AtomicFiles.write(path(key), conf, "covariance", out -> CovarianceFile.write(covariance, out));
    }

    @Override
    public String toString() {
        return "CovarianceStore[" + root + "]";
    }
}
