package org.paramprediction.layer;

import java.util.List;

/**
 * A list of parameters as one flat {@code float[]}: the arrays one after another in list order,
 * each in its own storage order. This is the layout the distributed trainer ships and averages;
 * both sides build their lists with {@link Network#params()}, so the order agrees.
 */
public final class ParamVectors {

    private ParamVectors() {}

    /** Total number of values in {@code params}. */
    public static int length(List<Param> params) {
        long n = 0;
        for (Param p : params) {
            n += p.length();
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameters hold " + n + " values, more than one array can");
        }
        return (int) n;
    }

    /** Copies every value array into {@code dst} from {@code offset}; returns the offset after the last. */
    public static int readValues(List<Param> params, float[] dst, int offset) {
        for (Param p : params) {
            int n = (int) p.length();
            HostBuffers.read(p.value(), dst, offset, n);
            offset += n;
        }
        return offset;
    }

    /** Copies every gradient buffer (the velocity while SGD with momentum runs) into {@code dst}. */
    public static int readGrads(List<Param> params, float[] dst, int offset) {
        for (Param p : params) {
            int n = (int) p.length();
            HostBuffers.read(p.grad(), dst, offset, n);
            offset += n;
        }
        return offset;
    }

    /** Overwrites every value array from {@code src} starting at {@code offset}. */
    public static int writeValues(float[] src, int offset, List<Param> params) {
        for (Param p : params) {
            int n = (int) p.length();
            HostBuffers.write(src, offset, n, p.value());
            offset += n;
        }
        return offset;
    }

    /** Overwrites every gradient buffer from {@code src} starting at {@code offset}. */
    public static int writeGrads(float[] src, int offset, List<Param> params) {
        for (Param p : params) {
            int n = (int) p.length();
            HostBuffers.write(src, offset, n, p.grad());
            offset += n;
        }
        return offset;
    }
}
