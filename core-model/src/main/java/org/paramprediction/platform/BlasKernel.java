package org.paramprediction.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.systems.global.linux;

/**
 * Puts the right OpenBLAS kernel in place in this JVM, and tells which one runs.
 *
 * <p>{@link #configure()} must run before the first ND4J or OpenBLAS class loads: OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} from the process environment once, when the library is loaded. Unless
 * the variable is already set (the user's choice always wins), it sets it to {@link
 * OpenBlasCore#forCpu the kernel for this CPU} with libc {@code setenv} (through bytedeco's {@code
 * systems} preset, on the JavaCPP that ND4J already uses; no JVM flag needed), so that it holds in
 * any JVM that calls it first: the command line's {@code main}, every Spark executor (a plugin), the
 * test JVMs (a JUnit listener). {@link #activeCore()} asks the loaded library which kernel it chose.
 */
public final class BlasKernel {

    /** The environment variable OpenBLAS reads. */
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    /** Who decided the kernel of this JVM. */
    public enum Source {
        /** {@code OPENBLAS_CORETYPE} was set before this JVM started (or by its launcher): it stands. */
        USER,
        /** This class set {@code OPENBLAS_CORETYPE} from the CPU's instruction sets. */
        AUTO,
        /** Nothing was set: OpenBLAS detects the CPU itself (no rule for this CPU, or not Linux). */
        OPENBLAS,
        /** OpenBLAS was loaded before {@link #configure()} ran, so its own choice stands. */
        LATE
    }

    /** The kernel requested through {@code OPENBLAS_CORETYPE} (null if none) and why. */
    public record Choice(String requested, Source source, String detail) {}

    private static Choice choice;

    private BlasKernel() {}

    /** Chooses this JVM's kernel once (later calls return the first answer); never throws. */
    public static synchronized Choice configure() {
        if (choice == null) {
            choice = decide(CpuInfo.current());
        }
        return choice;
    }

    private static Choice decide(CpuInfo cpu) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return new Choice(null, Source.OPENBLAS, "not Linux: OpenBLAS detects the CPU itself");
        }
        try {
            String user = nativeGetenv();
            if (user != null && !user.isBlank()) {
                return new Choice(user, Source.USER, VARIABLE + "=" + user + " set in the environment");
            }
            String wanted = OpenBlasCore.forCpu(cpu).orElse(null);
            if (wanted == null) {
                return new Choice(null, Source.OPENBLAS, "no rule for this CPU (" + cpu.vectorLevel() + ")");
            }
            if (openBlasLoaded()) {
                return new Choice(null, Source.LATE, "OpenBLAS was loaded before the kernel could be set; "
                        + VARIABLE + "=" + wanted + " would be right for this CPU (" + cpu.vectorLevel() + ")");
            }
            if (linux.setenv(VARIABLE, wanted, 1) != 0) {
                return new Choice(null, Source.OPENBLAS, "setenv(" + VARIABLE + ") failed");
            }
            return new Choice(wanted, Source.AUTO, "chosen from the CPU's " + cpu.vectorLevel());
        } catch (RuntimeException | LinkageError e) {
            return new Choice(null, Source.OPENBLAS, "could not set " + VARIABLE + ": " + e);
        }
    }

    /**
     * The kernel the loaded OpenBLAS runs, as {@code openblas_get_corename()} names it (e.g. "Zen",
     * "SkylakeX", "Prescott"); loads OpenBLAS if it is not yet loaded. The presets do not map that
     * function, so this does what it does: compares OpenBLAS's {@code gotoblas} pointer with the
     * address of each kernel's function table.
     */
    public static String activeCore() {
        Loader.load(openblas_nolapack.class);
        Pointer current = Loader.addressof("gotoblas");
        if (current == null) {
            return openblas_nolapack.OPENBLAS_CHAR_CORENAME; // a build for one CPU: its compile-time kernel
        }
        long table = new LongPointer(current).get();
        for (String name : OpenBlasCore.names()) {
            Pointer p = Loader.addressof("gotoblas_" + name.toUpperCase(java.util.Locale.ROOT));
            if (p != null && p.address() == table) {
                return name;
            }
        }
        return "unknown";
    }

    /**
     * The thread setting OpenBLAS started with: {@code OPENBLAS_NUM_THREADS}, else {@code
     * OMP_NUM_THREADS}, else "all cores" (as OpenBLAS reads them at load).
     */
    public static String threads() {
        for (String v : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String value = System.getenv(v);
            if (value != null && !value.isBlank()) {
                return v + "=" + value.trim();
            }
        }
        return "all cores";
    }

    private static String nativeGetenv() {
        try (BytePointer name = new BytePointer(VARIABLE)) {
            BytePointer value = linux.getenv(name);
            return value == null || value.isNull() ? null : value.getString();
        }
    }

    /** Whether a libopenblas is mapped into this process already (Linux: /proc/self/maps). */
    static boolean openBlasLoaded() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.anyMatch(l -> l.contains("libopenblas"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
