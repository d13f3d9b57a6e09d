package org.paramprediction.covariance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.paramprediction.SchemeLocalFileSystem;

/**
 * The local file system under the scheme {@code crashfs:}, whose output streams fail ("the machine
 * died") after {@link #crashAfterBytes} bytes. At that moment it records the names in the file's
 * directory, to show what a reader could have seen.
 */
public final class CrashingFileSystem extends SchemeLocalFileSystem {

    static final String SCHEME = "crashfs";

    static volatile long crashAfterBytes = Long.MAX_VALUE;
    static volatile List<String> namesAtCrash;

    public CrashingFileSystem() {
        super(SCHEME);
    }

    @Override
    protected FSDataOutputStream created(Path f, FSDataOutputStream real) throws IOException {
        return crashing(f, real);
    }

    private static FSDataOutputStream crashing(Path f, FSDataOutputStream real) throws IOException {
        java.nio.file.Path dir = Paths.get(f.toUri().getPath()).getParent();
        return new FSDataOutputStream(new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                crashIfDue(1);
                real.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                crashIfDue(len);
                real.write(b, off, len);
            }

            private void crashIfDue(int len) throws IOException {
                if (written + len > crashAfterBytes) {
                    real.flush();
                    try (Stream<java.nio.file.Path> names = Files.list(dir)) {
                        namesAtCrash = names.map(p -> p.getFileName().toString()).sorted().toList();
                    }
                    throw new IOException("simulated crash after " + written + " bytes");
                }
                written += len;
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        }, null);
    }
}
