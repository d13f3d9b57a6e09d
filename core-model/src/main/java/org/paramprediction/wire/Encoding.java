package org.paramprediction.wire;

import java.util.Locale;

/** How parameter values travel: IEEE float32 (exact) or IEEE binary16 (half the bytes, ~3 digits). */
public enum Encoding {
    FLOAT32(1, 4),
    FP16(2, 2);

    private final byte code;
    private final int bytesPerValue;

    Encoding(int code, int bytesPerValue) {
        this.code = (byte) code;
        this.bytesPerValue = bytesPerValue;
    }

    public byte code() {
        return code;
    }

    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** The config spelling: {@code float32} or {@code fp16}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Encoding ofCode(byte code) {
        for (Encoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value encoding code " + code + " (1 = float32, 2 = fp16)");
    }

    /** Parses {@code float32} or {@code fp16} (case-insensitive). */
    public static Encoding parse(String s) {
        for (Encoding e : values()) {
            if (e.configName().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("encoding must be float32 or fp16 but was '" + s + "'");
    }
}
