package org.paramprediction.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.paramprediction.io.BadInputException;

/**
 * One driver per output root: {@code <out>/driver.lock} names its holder (host, pid, the process's
 * start time, the command) and is created only if absent (atomically: {@code O_EXCL} on a local
 * disk, the file system's create-if-absent elsewhere, e.g. HDFS). While held, a daemon thread
 * touches it every {@link #HEARTBEAT}. A second driver is refused (bad input, naming the holder)
 * unless the lock is stale: on the holder's own host, when no process with its pid and start time
 * is alive; from another host, when the heartbeat is older than {@link #STALE_AFTER}. A stale lock
 * is taken over with a message. {@link #close} deletes it.
 */
public final class OutputLock implements AutoCloseable {

    public static final String FILE = "driver.lock";
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final FileSystem fs;
    private final Path file;
    private final ScheduledExecutorService heartbeat;

    private OutputLock(FileSystem fs, Path file) {
        this.fs = fs;
        this.file = file;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "driver-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::touch, every, every, TimeUnit.MILLISECONDS);
    }

    /** The holder of a lock, as written in its file. */
    public record Holder(String host, long pid, String started, String command) {

        static Holder current(String command) {
            ProcessHandle me = ProcessHandle.current();
            String started = me.info().startInstant().map(Instant::toString).orElse("unknown");
            return new Holder(hostName(), me.pid(), started, command);
        }

        String render() {
            return "host=" + host + "\npid=" + pid + "\nstarted=" + started + "\ncommand=" + command + "\n";
        }

        static Holder parse(String text) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            long pid;
            try {
                pid = Long.parseLong(m.getOrDefault("pid", "-1"));
            } catch (NumberFormatException e) {
                pid = -1;
            }
            return new Holder(m.getOrDefault("host", "unknown"), pid, m.getOrDefault("started", "unknown"),
                    m.getOrDefault("command", "unknown"));
        }

        @Override
        public String toString() {
            return "host " + host + ", pid " + pid + ", started " + started + " (" + command + ")";
        }
    }

    /**
     * Takes the lock of {@code out}, taking over a stale one (said on {@code console}).
     *
     * @throws BadInputException if a live driver holds it
     */
    public static OutputLock acquire(String out, Configuration conf, String command, PrintStream console) {
        Path file = new Path(out, FILE);
        try {
            FileSystem fs = file.getFileSystem(conf);
            Holder me = Holder.current(command);
            for (int attempt = 0; attempt < 2; attempt++) {
                if (createIfAbsent(fs, file, me.render().getBytes(StandardCharsets.UTF_8))) {
                    return new OutputLock(fs, file);
                }
                Optional<Holder> holder = read(fs, file);
                if (holder.isEmpty()) {
                    continue; // released between our create and our read
                }
                Optional<String> stale = staleness(fs, file, holder.get());
                if (stale.isEmpty()) {
                    throw new BadInputException("--out " + out + " is in use by another driver: " + holder.get()
                            + "; one output root takes one driver at a time (its lock: " + file + ")");
                }
                console.println("taking over the stale lock of " + out + ": " + holder.get() + ", " + stale.get());
                fs.delete(file, false);
            }
            throw new BadInputException("--out " + out + ": another driver took the lock " + file + " at the same time");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock output " + out + ": " + e.getMessage(), e);
        }
    }

    /** Why {@code holder}'s lock is stale, or empty while its driver may be alive. */
    static Optional<String> staleness(FileSystem fs, Path file, Holder holder) throws IOException {
        if (holder.host().equals(hostName())) {
            Optional<ProcessHandle> p = ProcessHandle.of(holder.pid());
            if (p.isEmpty() || !p.get().isAlive()) {
                return Optional.of("no process " + holder.pid() + " runs on this host");
            }
            String started = p.get().info().startInstant().map(Instant::toString).orElse("unknown");
            if (!started.equals(holder.started()) && !"unknown".equals(started)) {
                return Optional.of("process " + holder.pid() + " is another program, started " + started);
            }
            return Optional.empty();
        }
        FileStatus st = fs.getFileStatus(file);
        Duration age = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - st.getModificationTime()));
        return age.compareTo(STALE_AFTER) > 0
                ? Optional.of("its heartbeat is " + age.toSeconds() + " s old (stale after " + STALE_AFTER.toSeconds()
                        + " s)")
                : Optional.empty();
    }

    private static boolean createIfAbsent(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            java.nio.file.Path p = java.nio.file.Path.of(file.toUri().getPath());
            Files.createDirectories(p.getParent());
            try {
                Files.write(p, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream o = fs.create(file, false)) {
            o.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<Holder> read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return Optional.of(Holder.parse(b.toString(StandardCharsets.UTF_8)));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The holder named in {@code out}'s lock file, if there is one. */
    public static Optional<Holder> holder(String out, Configuration conf) {
        Path file = new Path(out, FILE);
        try {
            return read(file.getFileSystem(conf), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void touch() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException | RuntimeException ignored) {
            // a missed heartbeat only makes the lock look older to drivers on other hosts
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Holder me = Holder.current("");
            Optional<Holder> holder = read(fs, file);
            if (holder.isPresent() && holder.get().pid() == me.pid() && holder.get().host().equals(me.host())) {
                fs.delete(file, false); // not if another driver took it over meanwhile
            }
        } catch (IOException ignored) {
            // the next driver finds the lock stale (its process is gone)
        }
    }
}
