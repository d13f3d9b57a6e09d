package org.paramprediction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Peak resident memory of a child process from Linux's {@code /proc/<pid>/status} (VmHWM, the
 * kernel's own high-water mark of the resident set). Because the kernel keeps the maximum, polling
 * every 50 ms misses at most what the process grows in its last 50 ms.
 */
final class PeakRss {

    static final long POLL_MILLIS = 50;

    private PeakRss() {}

    /** Polls until {@code process} exits; the largest VmHWM seen, in bytes. */
    static long watch(Process process) throws InterruptedException {
        long peak = -1;
        while (process.isAlive()) {
            peak = Math.max(peak, vmHwmBytes(process.pid()));
            Thread.sleep(POLL_MILLIS);
        }
        if (peak < 0) {
            throw new IllegalStateException("no VmHWM read from /proc/" + process.pid()
                    + "/status before the process exited (not Linux, or it exited at once)");
        }
        return peak;
    }

    /** VmHWM of {@code pid} in bytes, or -1 when the process is gone (or a zombie, which has no VmHWM line). */
    static long vmHwmBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    if (parts.length != 2 || !parts[1].equals("kB")) {
                        throw new IllegalStateException("unexpected VmHWM line in " + status + ": " + line);
                    }
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return -1;
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            // the process exited between the check and the read: /proc reports ESRCH as an I/O error
            return -1;
        }
    }
}
