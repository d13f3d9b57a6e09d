package org.paramprediction.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a runtime failure's stack trace goes: {@code <out>/logs/<command>-<time>-<pid>.log}, written
 * through the Hadoop FileSystem API (the output root may be {@code hdfs://} or {@code s3a://}); when
 * that cannot be written (the failure may be that very disk) a file in the JVM's temporary
 * directory; when neither can, nowhere, and the caller prints the trace.
 */
final class FailureLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private FailureLog() {}

    /** Writes {@code e}'s stack trace; the file written, or null if none could be. */
    static String write(String outputRoot, String command, Throwable e) {
        String name = command + "-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + ".log";
        byte[] text = trace(command, e).getBytes(StandardCharsets.UTF_8);
        if (outputRoot != null) {
            try {
                Path log = new Path(new Path(outputRoot, "logs"), name);
                FileSystem fs = log.getFileSystem(Sessions.hadoopConf());
                try (OutputStream o = fs.create(log, false)) {
                    o.write(text);
                }
                return log.toString();
            } catch (IOException | RuntimeException ignored) {
                // fall through to the temporary directory
            }
        }
        try {
            java.nio.file.Path local = Files.createTempFile("paramprediction-" + command + "-", ".log");
            Files.write(local, text);
            return local.toString();
        } catch (IOException | RuntimeException ignored) {
            return null;
        }
    }

    static String trace(String command, Throwable e) {
        StringWriter w = new StringWriter();
        w.append("command: ").append(command).append('\n');
        e.printStackTrace(new PrintWriter(w, true));
        return w.toString();
    }
}
