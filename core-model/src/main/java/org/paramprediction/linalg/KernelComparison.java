package org.paramprediction.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Vector API kernels at this JVM's preferred width (the one-pass update included, whether or not
 * {@link Kernels} uses it at this width) against the portable kernels, on the arrays of a Full
 * 784-500-500-10 training step: nanoseconds per element of each, and how far the results are apart
 * in ulps. The benchmark runs it in JVMs of several vector widths ({@code -XX:UseAVX=N}); these
 * figures are what {@link Kernels} bases its choice on. Without the Vector API module both columns
 * time the portable kernels.
 */
public final class KernelComparison {

    /**
     * One kernel timed both ways.
     *
     * @param maxUlps largest difference between the two results, in ulps of the larger magnitude
     */
    public record Timing(String kernel, long elements, double fusedNanosPerElement, double portableNanosPerElement,
            double maxUlps) {}

    private interface Pass {
        void run(ElementwiseKernels k);
    }

    /** The warm-up may take this long even on a short budget, so that C2 has compiled the loop. */
    private static final double MIN_WARM_UP_SECONDS = 1.0;

    private KernelComparison() {}

    /**
     * Times each kernel for about {@code seconds / 8} per implementation, after a warm-up of 200 calls
     * or at most that long (at least a second; at least one call).
     */
    public static List<Timing> measure(double seconds) {
        ElementwiseKernels portable = new PortableKernels();
        ElementwiseKernels fused = Kernels.vectorKernels().orElse(portable);
        double budget = seconds / 8;
        List<Timing> out = new ArrayList<>();

        INDArray w = random(784, 500, 1);
        INDArray v = random(784, 500, 2).muli(1e-2);
        out.add(new Timing("momentum update (784x500)", w.length(),
                nanosPerElement(fused, k -> k.fusedMomentumUpdate(w, v, 2e-7), w.length(), budget),
                nanosPerElement(portable, k -> k.momentumUpdate(w, v, 2e-7), w.length(), budget),
                maxUlps(fused, portable, 784, 500)));

        INDArray z = random(100, 500, 3);
        INDArray dh = random(100, 500, 4);
        INDArray scratch = z.ulike();
        out.add(new Timing("ReLU forward (100x500)", z.length(),
                nanosPerElement(fused, k -> k.relu(z), z.length(), budget),
                nanosPerElement(portable, k -> k.relu(z), z.length(), budget), 0));
        out.add(new Timing("ReLU backward (100x500)", z.length(),
                nanosPerElement(fused, k -> k.reluBackward(z, dh, scratch), z.length(), budget),
                nanosPerElement(portable, k -> k.reluBackward(z, dh, scratch), z.length(), budget), 0));

        byte[] pixels = new byte[100 * 784];
        new SplittableRandom(5).nextBytes(pixels);
        float[] floats = new float[pixels.length];
        out.add(new Timing("pixels to floats (100x784)", pixels.length,
                nanosPerElement(fused, k -> k.unitFloats(pixels, 0, floats, 0, pixels.length), pixels.length, budget),
                nanosPerElement(portable, k -> k.unitFloats(pixels, 0, floats, 0, pixels.length), pixels.length,
                        budget), 0));
        return out;
    }

    /** What the timed column runs: the Vector API kernels with their one-pass update, else the portable ones. */
    public static String timedName() {
        return Kernels.vectorKernels().map(ElementwiseKernels::fusedName).orElse(new PortableKernels().name());
    }

    private static double nanosPerElement(ElementwiseKernels k, Pass pass, long elements, double seconds) {
        long warm = System.nanoTime();
        double warmSeconds = Math.max(seconds, MIN_WARM_UP_SECONDS);
        for (int i = 0; i < 200 && (System.nanoTime() - warm) / 1e9 < warmSeconds; i++) {
            pass.run(k); // warm-up: C2 compiles the loop (bounded in time: a scalar fallback is slow)
        }
        long start = System.nanoTime();
        long reps = 0;
        do {
            pass.run(k);
            reps++;
        } while ((System.nanoTime() - start) / 1e9 < seconds);
        return (System.nanoTime() - start) / (double) reps / elements;
    }

    /** One update from the same start by both implementations: the largest difference of v and w, in ulps. */
    private static double maxUlps(ElementwiseKernels a, ElementwiseKernels b, int rows, int cols) {
        INDArray w1 = random(rows, cols, 6);
        INDArray v1 = random(rows, cols, 7).muli(1e-2);
        INDArray w2 = w1.dup('f');
        INDArray v2 = v1.dup('f');
        a.fusedMomentumUpdate(w1, v1, 0.3);
        b.momentumUpdate(w2, v2, 0.3);
        return Math.max(ulps(v1.data().asFloat(), v2.data().asFloat()), ulps(w1.data().asFloat(), w2.data().asFloat()));
    }

    private static double ulps(float[] x, float[] y) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]) / Math.ulp(Math.max(Math.abs(x[i]), Math.abs(y[i]))));
        }
        return max;
    }

    private static INDArray random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() - 0.5);
        }
        return Nd4j.create(x, new long[] {rows, cols}, 'f');
    }
}
