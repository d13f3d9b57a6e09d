package org.paramprediction.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU this JVM runs on, as Linux reports it in {@code /proc/cpuinfo} (its first processor): the
 * vendor, family and model numbers, the model name and the instruction-set flags. The flags are what
 * the kernel has enabled, so a feature the OS does not save on a context switch (AVX-512 state
 * without XSAVE support) is absent, as it should be for choosing a BLAS kernel.
 *
 * @param vendor    {@code vendor_id}, e.g. {@code GenuineIntel}, {@code AuthenticAMD}; "unknown" if absent
 * @param family    {@code cpu family}, -1 if absent
 * @param model     {@code model}, -1 if absent
 * @param modelName {@code model name} (x86) or the {@code CPU part} line (ARM), "unknown CPU" if neither
 * @param flags     {@code flags} (x86) or {@code Features} (ARM), lower case
 */
public record CpuInfo(String vendor, int family, int model, String modelName, Set<String> flags) {

    /** Where Linux describes the CPUs. */
    public static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");

    public CpuInfo {
        flags = Set.copyOf(flags);
    }

    /** This machine's CPU; an unknown CPU without flags when {@code /proc/cpuinfo} cannot be read. */
    public static CpuInfo current() {
        try {
            return parse(Files.readString(PROC_CPUINFO));
        } catch (IOException | RuntimeException e) {
            return new CpuInfo("unknown", -1, -1, "unknown CPU (" + PROC_CPUINFO + ": " + e.getMessage() + ")",
                    Set.of());
        }
    }

    /** The first processor block of a {@code /proc/cpuinfo} text. */
    public static CpuInfo parse(String text) {
        String vendor = "unknown";
        int family = -1;
        int model = -1;
        String name = null;
        String part = null;
        Set<String> flags = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                if (name != null || !flags.isEmpty()) {
                    break; // end of the first processor
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = parseInt(value);
                case "model" -> model = parseInt(value);
                case "model name" -> name = value;
                case "CPU part" -> part = part == null ? "CPU part " + value : part;
                case "flags", "Features" -> flags.addAll(Arrays.asList(value.toLowerCase().split("\\s+")));
                default -> { }
            }
        }
        flags.remove("");
        return new CpuInfo(vendor, family, model, name != null ? name : part != null ? part : "unknown CPU", flags);
    }

    /** Whether the CPU (and the OS) support every one of {@code required}. */
    public boolean has(String... required) {
        return Arrays.stream(required).allMatch(flags::contains);
    }

    /** The AVX-512 subsets OpenBLAS's SkylakeX kernels use. */
    static final String[] AVX512_FLAGS = {"avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"};

    /** The widest x86 vector level usable here: 3 AVX-512 (F, BW, VL, DQ, CD), 2 AVX2 + FMA, 1 AVX, 0 otherwise. */
    public int level() {
        if (has(AVX512_FLAGS)) {
            return 3;
        }
        if (has("avx2", "fma")) {
            return 2;
        }
        return has("avx") ? 1 : 0;
    }

    /** {@link #level()} by name: "AVX-512", "AVX2", "AVX", "SSE" or "none". */
    public String vectorLevel() {
        return switch (level()) {
            case 3 -> "AVX-512";
            case 2 -> "AVX2";
            case 1 -> "AVX";
            default -> has("sse2") ? "SSE" : "none";
        };
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
