package org.paramprediction.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenBLAS's kernels ("cores") for x86-64, as its {@code DYNAMIC_ARCH} build names them, and which
 * one a CPU should run.
 *
 * <p>OpenBLAS picks its kernel once, when the library loads: {@code OPENBLAS_CORETYPE} if set, else
 * its own table of CPU family and model numbers. The 0.3.19 that ND4J 1.0.0-M2.1 bundles predates
 * many current CPUs (e.g. Intel family 6 model 207, Emerald Rapids) and falls back to {@code
 * Prescott}, its SSE3 kernel with no FMA: a fifth of the machine's gemm rate (docs/PERFORMANCE.md).
 * {@link #forCpu} chooses from the instruction sets instead, as newer OpenBLAS releases do for CPUs
 * their table lacks (and for AMD Zen 4, which they run on the AVX-512 kernel):
 *
 * <ul>
 *   <li>AVX-512 F, BW, VL, DQ and CD: {@code SkylakeX};
 *   <li>AVX2 and FMA: {@code Zen} on AMD and Hygon, {@code Haswell} on others (the same AVX2
 *       micro-kernels, blocked for each vendor's caches);
 *   <li>AVX: {@code Sandybridge};
 *   <li>anything else: no choice, OpenBLAS's own detection stands.
 * </ul>
 *
 * On CPUs that OpenBLAS 0.3.19 knows (Haswell to Cascade Lake, Zen 1-3) the choice is the one it makes
 * itself. It never names a kernel whose instructions the CPU lacks (that would die with SIGILL).
 */
public final class OpenBlasCore {

    /** The generic SSE3 kernel OpenBLAS falls back to on CPUs it does not know. */
    public static final String GENERIC = "Prescott";

    /** A kernel name and the widest vector level its code needs ({@link CpuInfo#level()}'s scale). */
    private record Core(String name, int level) {}

    // OpenBLAS's x86-64 DYNAMIC_ARCH kernels, with their names as openblas_get_corename() prints them
    private static final List<Core> CORES = List.of(
            new Core("Katmai", 0), new Core("Coppermine", 0), new Core("Northwood", 0), new Core("Prescott", 0),
            new Core("Banias", 0), new Core("Atom", 0), new Core("Core2", 0), new Core("Penryn", 0),
            new Core("Dunnington", 0), new Core("Nehalem", 0), new Core("Athlon", 0), new Core("Opteron", 0),
            new Core("Barcelona", 0), new Core("Nano", 0), new Core("Bobcat", 0), new Core("Sandybridge", 1),
            new Core("Bulldozer", 1), new Core("Piledriver", 1), new Core("Steamroller", 1),
            new Core("Excavator", 2), new Core("Haswell", 2), new Core("Zen", 2), new Core("SkylakeX", 3),
            new Core("Cooperlake", 3));

    private OpenBlasCore() {}

    /** The kernel this CPU should run, or empty to leave the choice to OpenBLAS. */
    public static Optional<String> forCpu(CpuInfo cpu) {
        int level = cpu.level();
        if (level == 3) {
            return Optional.of("SkylakeX");
        }
        if (level == 2) {
            boolean amd = cpu.vendor().equals("AuthenticAMD") || cpu.vendor().equals("HygonGenuine");
            return Optional.of(amd ? "Zen" : "Haswell");
        }
        return level == 1 ? Optional.of("Sandybridge") : Optional.empty();
    }

    /** The vector level a kernel needs, or -1 for a name OpenBLAS does not have (case-insensitive). */
    public static int level(String core) {
        return find(core).map(Core::level).orElse(-1);
    }

    /** OpenBLAS's own spelling of {@code core} (e.g. "SKYLAKEX" gives "SkylakeX"); the input if unknown. */
    public static String canonical(String core) {
        return find(core).map(Core::name).orElse(core);
    }

    /**
     * The kernels worth comparing on this CPU, from the generic one up to the widest it can run:
     * Prescott, Sandybridge, Haswell, Zen, SkylakeX (those whose instructions it has).
     */
    public static List<String> comparable(CpuInfo cpu) {
        int level = cpu.level();
        return List.of("Prescott", "Sandybridge", "Haswell", "Zen", "SkylakeX").stream()
                .filter(k -> level(k) <= level).toList();
    }

    /** Every kernel name OpenBLAS's x86-64 build has, in its order. */
    static List<String> names() {
        return CORES.stream().map(Core::name).toList();
    }

    private static Optional<Core> find(String core) {
        String c = core == null ? "" : core.trim().toLowerCase(Locale.ROOT);
        return CORES.stream().filter(k -> k.name().toLowerCase(Locale.ROOT).equals(c)).findFirst();
    }
}
