package org.paramprediction.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;

/**
 * Whole-file writes on any Hadoop FileSystem: the bytes go to a hidden temporary file ({@code
 * .<name>.<uuid>.tmp}, which Hadoop and Spark listings skip) in the target's directory, synced where
 * the store supports it, then renamed into place. A crash never leaves a half-written file: a reader
 * sees the old file, no file, or the whole new one. Writing over an existing file replaces it (on
 * stores whose rename does not overwrite, the old file is deleted first, leaving a short window with
 * no file, never a partial one).
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes a file's bytes to a stream. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} with {@code body}.
     *
     * @param what how messages name the file, e.g. "covariance"
     * @throws UncheckedIOException naming the path if writing or renaming fails (the temporary file is
     *     removed)
     */
    public static void write(Path file, Configuration conf, String what, Body body) {
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        FileSystem fs;
        try {
            fs = file.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of " + file + ": " + e.getMessage(), e);
        }
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                body.write(out);
                if (out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync(); // durable before the rename makes it visible
                }
            }
            rename(fs, tmp, file);
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(tmp, false);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot save " + what + " to " + file + ": " + io.getMessage(), io)
                    : (RuntimeException) e;
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
}
