package org.paramprediction;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under a scheme of its own, whose every new file passes through {@link
 * #created}: the base of test file systems that fail the way disks and machines do.
 */
public abstract class SchemeLocalFileSystem extends RawLocalFileSystem {

    private final String scheme;

    protected SchemeLocalFileSystem(String scheme) {
        this.scheme = scheme;
    }

    /** Called for every new file before anything is written: may throw, or wrap {@code real}. */
    protected abstract FSDataOutputStream created(Path f, FSDataOutputStream real) throws IOException;

    @Override
    public URI getUri() {
        return URI.create(scheme + ":///");
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        return created(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        return created(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }
}
