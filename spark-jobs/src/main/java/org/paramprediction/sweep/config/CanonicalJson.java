package org.paramprediction.sweep.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic JSON rendering: object keys sorted, no whitespace, strings escaped per RFC 8259,
 * integers in decimal, and each double as the shortest decimal that reads back to the same double
 * (computed with {@link BigDecimal}, so the text does not depend on the JDK's {@code
 * Double.toString}, whose digits changed in JDK 19). Values: null, String, Boolean, Integer, Long,
 * Double, List and Map with String keys.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String render(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            writeString(s, str);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            s.append(v);
        } else if (v instanceof Double d) {
            s.append(decimal(d));
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                s.append(i == 0 ? "" : ",");
                write(s, list.get(i));
            }
            s.append(']');
        } else if (v instanceof Map<?, ?> map) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                s.append(first ? "" : ",");
                first = false;
                writeString(s, (String) e.getKey());
                s.append(':');
                write(s, e.getValue());
            }
            s.append('}');
        } else {
            throw new IllegalArgumentException("value must be null, String, Boolean, Integer, Long, Double, "
                    + "List or Map but was " + v.getClass().getName());
        }
    }

    /** Shortest plain decimal that parses back to {@code d}; finite values only. */
    static String decimal(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("value must be finite but was " + d);
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return r.stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("17 significant digits always round-trip a double");
    }

    private static void writeString(StringBuilder s, String str) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
