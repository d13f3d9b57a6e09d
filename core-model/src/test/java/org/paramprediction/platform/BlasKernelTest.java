package org.paramprediction.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The kernel rule on CPUs described by real {@code /proc/cpuinfo} blocks, and in this very JVM: the
 * kernel OpenBLAS loaded is the one the rule chose (or the one {@code OPENBLAS_CORETYPE} named, when
 * CI forces it), which shows that setting the variable from inside the JVM works.
 */
class BlasKernelTest {

    static final String EMERALD_RAPIDS = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 207
            model name\t: INTEL(R) XEON(R) PLATINUM 8581C CPU @ 2.30GHz
            flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16 amx_tile

            processor\t: 1
            vendor_id\t: GenuineIntel
            """;
    static final String EPYC_ZEN2 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 23
            model\t\t: 49
            model name\t: AMD EPYC
            flags\t\t: fpu sse sse2 pni ssse3 fma sse4_1 sse4_2 avx f16c avx2 sha_ni
            """;
    static final String HASWELL = """
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 63
            model name\t: Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz
            flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2
            """;
    static final String SANDY_BRIDGE = """
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 45
            model name\t: Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz
            flags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx
            """;
    static final String NEHALEM = """
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 26
            model name\t: Intel(R) Xeon(R) CPU X5570 @ 2.93GHz
            flags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2
            """;
    static final String GRAVITON = """
            processor\t: 0
            BogoMIPS\t: 243.75
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm
            CPU implementer\t: 0x41
            CPU part\t: 0xd0c
            """;

    @Test
    void theRuleFollowsTheWidestVectorExtension() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasCore.forCpu(CpuInfo.parse(EMERALD_RAPIDS)));
        assertEquals(Optional.of("Zen"), OpenBlasCore.forCpu(CpuInfo.parse(EPYC_ZEN2)));
        assertEquals(Optional.of("Haswell"), OpenBlasCore.forCpu(CpuInfo.parse(HASWELL)));
        assertEquals(Optional.of("Sandybridge"), OpenBlasCore.forCpu(CpuInfo.parse(SANDY_BRIDGE)));
        assertEquals(Optional.empty(), OpenBlasCore.forCpu(CpuInfo.parse(NEHALEM)));
        assertEquals(Optional.empty(), OpenBlasCore.forCpu(CpuInfo.parse(GRAVITON)));
    }

    @Test
    void cpuinfoIsReadFromTheFirstProcessor() {
        CpuInfo spr = CpuInfo.parse(EMERALD_RAPIDS);
        assertEquals("GenuineIntel", spr.vendor());
        assertEquals(6, spr.family());
        assertEquals(207, spr.model());
        assertEquals("INTEL(R) XEON(R) PLATINUM 8581C CPU @ 2.30GHz", spr.modelName());
        assertEquals("AVX-512", spr.vectorLevel());
        assertTrue(spr.has("avx512_bf16"));
        assertEquals("AVX2", CpuInfo.parse(EPYC_ZEN2).vectorLevel());
        CpuInfo arm = CpuInfo.parse(GRAVITON);
        assertEquals("CPU part 0xd0c", arm.modelName());
        assertTrue(arm.has("asimd"));
        assertEquals("none", arm.vectorLevel());
    }

    @Test
    void noRuleNamesAKernelTheCpuCannotRun() {
        for (String text : new String[] {EMERALD_RAPIDS, EPYC_ZEN2, HASWELL, SANDY_BRIDGE, NEHALEM, GRAVITON}) {
            CpuInfo cpu = CpuInfo.parse(text);
            OpenBlasCore.forCpu(cpu).ifPresent(core ->
                    assertTrue(OpenBlasCore.level(core) <= cpu.level(), core + " on " + cpu.modelName()));
        }
        assertEquals("SkylakeX", OpenBlasCore.canonical("SKYLAKEX"));
        assertEquals(-1, OpenBlasCore.level("NoSuchCore"));
    }

    @Test
    void theGenericKernelOnAnAvx512CpuWarnsAndNamesTheFix() {
        CpuInfo spr = CpuInfo.parse(EMERALD_RAPIDS);
        BlasKernel.Choice late = new BlasKernel.Choice(null, BlasKernel.Source.LATE, "loaded early");
        String w = BlasCheck.warning(spr, "Prescott", late);
        assertNotNull(w);
        assertTrue(w.contains("Prescott") && w.contains("AVX-512") && w.contains("OPENBLAS_CORETYPE=SkylakeX"), w);
        BlasKernel.Choice user = new BlasKernel.Choice("Haswell", BlasKernel.Source.USER, "set");
        String u = BlasCheck.warning(spr, "Haswell", user);
        assertTrue(u.contains("unset OPENBLAS_CORETYPE (now Haswell) or set it to SkylakeX"), u);
        assertNull(BlasCheck.warning(spr, "SkylakeX", late));
        assertNull(BlasCheck.warning(spr, "Cooperlake", late), "any AVX-512 kernel is fine");
        assertNull(BlasCheck.warning(CpuInfo.parse(EPYC_ZEN2), "Haswell", late), "Haswell and Zen are both AVX2");
        assertNull(BlasCheck.warning(CpuInfo.parse(NEHALEM), "Nehalem", late), "no better kernel known");
    }

    @Test
    void thisJvmRunsTheKernelThatWasChosen() {
        BlasReport r = BlasCheck.report();
        BlasKernel.Choice c = r.choice();
        String user = System.getenv(BlasKernel.VARIABLE);
        if (user != null && !user.isBlank()) {
            // CI forces Prescott and Haswell this way: the user's variable wins
            assertEquals(BlasKernel.Source.USER, c.source(), c.detail());
            assertEquals(OpenBlasCore.canonical(user), r.core());
        } else {
            Optional<String> wanted = OpenBlasCore.forCpu(CpuInfo.current());
            if (wanted.isPresent()) {
                assertEquals(BlasKernel.Source.AUTO, c.source(), "the test listener configured the kernel: " + c);
                assertEquals(wanted.get(), r.core(), "setenv before the first load took effect");
            }
        }
        assertEquals(CpuInfo.current().modelName(), r.cpuModel());
        assertTrue(r.probeGflops() > 0.1, "probe " + r.probeGflops());
        assertTrue(r.summary().startsWith("BLAS: OpenBLAS " + r.core() + " kernel"), r.summary());
        assertEquals(r, BlasCheck.report(), "one check per JVM");
    }
}
