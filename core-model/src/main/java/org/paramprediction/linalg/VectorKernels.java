package org.paramprediction.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The elementwise passes as single fused loops over ND4J's off-heap memory with the JDK's Vector API
 * ({@code jdk.incubator.vector}; the JVM needs {@code --add-modules jdk.incubator.vector}). The
 * momentum update reads {@code w} and {@code v} once and writes each once (the portable version
 * makes two passes); ReLU forward and backward are one pass each without ND4J's per-op overhead. The
 * arithmetic matches the portable kernels: {@code v - decay w} is one fused multiply-add, as in
 * OpenBLAS's {@code axpy} on CPUs with FMA. Anything but dense float arrays goes to the portable
 * kernels.
 *
 * <p>The vector width is the JVM's preferred shape for this CPU ({@link VectorShape#preferredShape()}:
 * 512 bits with AVX-512, 256 with AVX2, 128 with SSE or NEON; {@code -XX:UseAVX=N} lowers it). A shape
 * the CPU has no instructions for still computes the same numbers, but through the Vector API's
 * scalar fallback, many times slower: the hard-coded 512-bit pixel loop of an earlier version did
 * that on AVX2 machines (docs/PERFORMANCE.md).
 */
final class VectorKernels implements ElementwiseKernels {

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    // Static finals, so that C2 sees constant species and compiles the loops to vector instructions.
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    // pixels: bytes widen to ints, then floats of the same shape; division by 255 is exact IEEE, as in the table
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    // one byte per float lane, but no byte vector is shorter than 64 bits: then it widens in parts
    private static final VectorSpecies<Byte> B =
            ByteVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(Math.max(64, S.length() * Byte.SIZE)));
    private static final int PARTS = B.length() / S.length();

    /**
     * Narrower vectors update through OpenBLAS's two {@code axpy} passes instead: at 256 bits (AMD EPYC,
     * Zen 2) the one-pass loop took 0.48 ns per element against 0.22 for the two passes ({@code bench
     * --sections kernels}); at 512 bits (the AVX-512 Xeon of November 2026) it was the faster.
     */
    static final int FUSED_UPDATE_MIN_BITS = 512;

    private final PortableKernels portable = new PortableKernels();

    @Override
    public void momentumUpdate(INDArray w, INDArray v, double decay) {
        if (S.vectorBitSize() < FUSED_UPDATE_MIN_BITS) {
            portable.momentumUpdate(w, v, decay);
            return;
        }
        fusedMomentumUpdate(w, v, decay);
    }

    /** The one-pass update, whatever the width (the tests check it at every width). */
    @Override
    public void fusedMomentumUpdate(INDArray w, INDArray v, double decay) {
        if (!dense(w) || !dense(v) || w.length() != v.length() || w.ordering() != v.ordering()) {
            portable.momentumUpdate(w, v, decay);
            return;
        }
        ByteBuffer wb = bytes(w);
        ByteBuffer vb = bytes(v);
        int n = (int) w.length();
        float a = (float) -decay;
        FloatVector av = FloatVector.broadcast(S, a);
        int i = 0;
        int bound = S.loopBound(n);
        if (decay != 0) {
            for (; i < bound; i += S.length()) {
                int off = i * Float.BYTES;
                FloatVector wv = FloatVector.fromByteBuffer(S, wb, off, ORDER);
                FloatVector vv = wv.fma(av, FloatVector.fromByteBuffer(S, vb, off, ORDER)); // a w + v
                vv.intoByteBuffer(vb, off, ORDER);
                wv.add(vv).intoByteBuffer(wb, off, ORDER);
            }
        } else {
            for (; i < bound; i += S.length()) {
                int off = i * Float.BYTES;
                FloatVector.fromByteBuffer(S, wb, off, ORDER).add(FloatVector.fromByteBuffer(S, vb, off, ORDER))
                        .intoByteBuffer(wb, off, ORDER);
            }
        }
        for (; i < n; i++) {
            int off = i * Float.BYTES;
            float vi = decay != 0 ? Math.fma(a, wb.getFloat(off), vb.getFloat(off)) : vb.getFloat(off);
            vb.putFloat(off, vi);
            wb.putFloat(off, wb.getFloat(off) + vi);
        }
    }

    @Override
    public void relu(INDArray z) {
        if (!dense(z)) {
            portable.relu(z);
            return;
        }
        ByteBuffer zb = bytes(z);
        int n = (int) z.length();
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            int off = i * Float.BYTES;
            FloatVector zv = FloatVector.fromByteBuffer(S, zb, off, ORDER);
            zero.blend(zv, zv.compare(VectorOperators.GT, 0f)).intoByteBuffer(zb, off, ORDER);
        }
        for (; i < n; i++) {
            int off = i * Float.BYTES;
            float zi = zb.getFloat(off);
            zb.putFloat(off, zi > 0 ? zi : 0f);
        }
    }

    @Override
    public void reluBackward(INDArray h, INDArray dh, INDArray scratch) {
        if (!dense(h) || !dense(dh) || h.length() != dh.length() || h.ordering() != dh.ordering()) {
            portable.reluBackward(h, dh, scratch);
            return;
        }
        ByteBuffer hb = bytes(h);
        ByteBuffer db = bytes(dh);
        int n = (int) h.length();
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            int off = i * Float.BYTES;
            VectorMask<Float> active = FloatVector.fromByteBuffer(S, hb, off, ORDER).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromByteBuffer(S, db, off, ORDER), active).intoByteBuffer(db, off, ORDER);
        }
        for (; i < n; i++) {
            int off = i * Float.BYTES;
            if (!(hb.getFloat(off) > 0)) {
                db.putFloat(off, 0f);
            }
        }
    }

    @Override
    public void unitFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n) {
        int j = 0;
        for (int step = B.length(); j + step <= n; j += step) {
            ByteVector b = ByteVector.fromArray(B, src, srcOff + j);
            for (int part = 0; part < PARTS; part++) {
                IntVector i = ((IntVector) b.convertShape(VectorOperators.B2I, I, part)).and(0xFF);
                ((FloatVector) i.convertShape(VectorOperators.I2F, S, 0)).div(255f)
                        .intoArray(dst, dstOff + j + part * S.length());
            }
        }
        for (; j < n; j++) {
            dst[dstOff + j] = PortableKernels.UNIT[src[srcOff + j] & 0xFF];
        }
    }

    @Override
    public String name() {
        return "vector (jdk.incubator.vector, " + S.vectorBitSize() + "-bit"
                + (S.vectorBitSize() < FUSED_UPDATE_MIN_BITS ? "; update by axpy" : "") + ")";
    }

    @Override
    public String fusedName() {
        return "vector (jdk.incubator.vector, " + S.vectorBitSize() + "-bit)";
    }

    private static boolean dense(INDArray x) {
        return x.dataType() == DataType.FLOAT && !x.isView() && x.offset() == 0 && x.elementWiseStride() == 1
                && x.length() <= Integer.MAX_VALUE / Float.BYTES;
    }

    private static ByteBuffer bytes(INDArray x) {
        return x.data().asNio().order(ORDER);
    }
}
