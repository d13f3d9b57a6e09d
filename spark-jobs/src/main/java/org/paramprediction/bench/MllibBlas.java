package org.paramprediction.bench;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Which BLAS MLlib's netlib layer found in this JVM. MLlib's speed, and so every ratio against it,
 * depends on it: with a system {@code libblas.so.3} (e.g. Debian's OpenBLAS) MLlib calls native code
 * ({@code JNIBLAS}); without one it runs a pure-Java fallback several times slower. MLlib chooses
 * the same way ({@code NativeBLAS.getInstance()}, falling back to {@code JavaBLAS}), so the table
 * names what its MLlib figures were measured with.
 */
final class MllibBlas {

    private MllibBlas() {}

    static String describe() {
        String nativeBlas;
        try {
            nativeBlas = NativeBLAS.getInstance().getClass().getSimpleName();
        } catch (Throwable e) { // netlib throws an Error subclass (or RuntimeException) when no native BLAS loads
            nativeBlas = "none (Java fallback)";
        }
        return "MLlib BLAS: native " + nativeBlas + ", Java " + JavaBLAS.getInstance().getClass().getSimpleName();
    }
}
