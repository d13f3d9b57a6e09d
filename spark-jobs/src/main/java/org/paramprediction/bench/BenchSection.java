package org.paramprediction.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parts of the {@code bench} run, in the order they run. Named in lower case on the command line
 * ({@code --sections gemm,training}) and in the table's {@code section} column.
 */
public enum BenchSection {
    /** This JVM's BLAS check: always the first row. */
    BLAS,
    GEMM,
    KERNELS,
    TRAINING,
    /** Convnet training speed against the gemm limit on its own shapes. */
    CONVNET,
    COVARIANCE,
    MLLIB,
    SPEEDUP,
    MEMORY;

    /** The name on the command line and in the table. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What measures this section. */
    SectionRunner runner() {
        return switch (this) {
            case BLAS -> new BlasSection();
            case GEMM -> new GemmSection();
            case KERNELS -> new KernelsSection();
            case TRAINING -> new TrainingSection();
            case CONVNET -> new ConvnetSection();
            case COVARIANCE -> new CovarianceSection();
            case MLLIB -> new MllibSection();
            case SPEEDUP -> new SpeedupSection();
            case MEMORY -> new MemorySection();
        };
    }

    /** The section named {@code id}; the message of the exception names the bad value and the choices. */
    public static BenchSection parse(String id) {
        for (BenchSection s : values()) {
            if (s.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown section '" + id + "'; choose from " + ids());
    }

    /** All names, comma-separated, in run order. */
    public static String ids() {
        return Arrays.stream(values()).map(BenchSection::id).collect(Collectors.joining(","));
    }
}
