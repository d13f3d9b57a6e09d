package org.paramprediction.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Locates the files of a dataset under its root directory, with messages that say what is missing. */
final class DataFiles {

    private DataFiles() {
    }

    /**
     * {@code root/name} if it is a regular file.
     *
     * @param what what the file is, e.g. {@code "CIFAR-10 binary batch"}
     * @param expected the files expected under the root and where they come from
     * @param archiveDir the directory the official archive unpacks to; if {@code root/archiveDir}
     *     exists the message suggests it as the root
     * @throws UncheckedIOException (cause {@link NoSuchFileException}) naming the file, the root and
     *     {@code expected}
     */
    static Path require(Path root, String name, String what, String expected, String archiveDir) {
        Path file = root.resolve(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String msg = what + " " + name + " not found under " + root
                + (Files.isDirectory(root) ? "" : " (no such directory)") + "; expected " + expected;
        Path unpacked = root.resolve(archiveDir);
        if (Files.isDirectory(unpacked)) {
            msg += "; " + unpacked + " exists: use it as the root";
        }
        throw new UncheckedIOException(msg, new NoSuchFileException(file.toString(), null, msg));
    }

    /** An {@link UncheckedIOException} naming the format and the file that could not be read. */
    static UncheckedIOException ioFailure(String format, String source, IOException e) {
        return new UncheckedIOException("I/O error reading " + format + " file " + source + ": "
                + e.getMessage(), e);
    }
}
