package org.paramprediction.results;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet output file on the local disk ({@code file:} paths), written with {@code java.nio}
 * instead of Hadoop's local file system. Without Hadoop's native library, which Spark's distribution
 * does not ship, that file system sets the permission of every file it creates by running
 * {@code chmod} in a new process, twice per file (the file and its {@code .crc} checksum): a one-row
 * file took 14-18 ms to write that way, 3.6 ms this way (docs/PERFORMANCE.md). Written here, the file gets the process's umask
 * as any file a program writes, and no {@code .crc} (Hadoop, Spark, pyarrow and DuckDB read it
 * without). Every other file system, and subclasses of the local ones such as the tests' failing
 * disks, get parquet-hadoop's own {@link HadoopOutputFile}.
 */
final class LocalDiskOutputFile implements OutputFile {

    private static final int BUFFER = 64 * 1024;

    private final File file;

    private LocalDiskOutputFile(File file) {
        this.file = file;
    }

    static OutputFile of(FileSystem fs, Path path, Configuration conf) throws IOException {
        if (fs.getClass() == LocalFileSystem.class) {
            return new LocalDiskOutputFile(((LocalFileSystem) fs).pathToFile(path));
        }
        if (fs.getClass() == RawLocalFileSystem.class) {
            return new LocalDiskOutputFile(((RawLocalFileSystem) fs).pathToFile(path));
        }
        return HadoopOutputFile.fromPath(path, conf);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return new Stream(Files.newOutputStream(file.toPath(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return new Stream(Files.newOutputStream(file.toPath()));
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return file.getPath();
    }

    /** A buffered file stream that counts its position. */
    private static final class Stream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        Stream(OutputStream raw) {
            this.out = new BufferedOutputStream(raw, BUFFER);
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
