package org.paramprediction.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.paramprediction.SchemeLocalFileSystem;

/**
 * The local file system under the scheme {@code fullfs:}, whose disk fills up: once the directory
 * tree named by {@code fullfs.watch} holds {@code fullfs.trial-files} Parquet files under a {@code
 * trials} directory, every new file fails with "No space left on device", as a full disk does.
 */
public final class FullDiskFileSystem extends SchemeLocalFileSystem {

    static final String SCHEME = "fullfs";

    private int limit;
    private java.nio.file.Path watch;

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        limit = conf.getInt("fullfs.trial-files", Integer.MAX_VALUE);
        watch = java.nio.file.Path.of(conf.get("fullfs.watch", "/nonexistent"));
    }

    public FullDiskFileSystem() {
        super(SCHEME);
    }

    @Override
    protected FSDataOutputStream created(Path f, FSDataOutputStream real) throws IOException {
        if (committedTrialFiles() >= limit) {
            real.close();
            delete(f, false);
            throw new IOException("No space left on device: " + f);
        }
        return real;
    }

    private long committedTrialFiles() throws IOException {
        java.nio.file.Path trials = watch.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return 0;
        }
        try (Stream<java.nio.file.Path> s = Files.walk(trials)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".");
            }).count();
        }
    }
}
