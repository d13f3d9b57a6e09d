package org.paramprediction.rica;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;

/**
 * What an executor needs to rebuild RICA's {@link WeightMap} bit for bit: Full ({@code columns}
 * empty, {@code P = W}) or factored ({@code W_j = U_j V_j}, one {@link DictionaryRecipe} per
 * column over the {@code p x p} positions, tied across {@code channels} as {@link FactoredWeightMap}
 * ties them). A few hundred bytes; the dictionaries themselves never travel.
 *
 * <p>Only recipes that rebuild from themselves alone are accepted: not FULL (use {@link #full}),
 * not LOW_RANK ({@code U} is learned), not data-driven kinds that need a covariance.
 *
 * @param inputs   rows of {@code W}, {@code c * p * p}
 * @param features columns of {@code W}
 * @param channels {@code C}, the channels the dictionaries are tied across (1 for Full)
 * @param columns  the column dictionaries' recipes, empty for Full
 */
public record RicaMapRecipe(int inputs, int features, int channels, List<DictionaryRecipe> columns)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RicaMapRecipe {
        if (inputs < 1 || features < 1 || channels < 1) {
            throw new IllegalArgumentException("inputs, features and channels must be >= 1 but were " + inputs + ", "
                    + features + ", " + channels);
        }
        columns = List.copyOf(columns);
        if (columns.size() > features) {
            throw new IllegalArgumentException("columns must be <= features=" + features + " but were "
                    + columns.size());
        }
        for (int j = 0; j < columns.size(); j++) {
            DictionaryRecipe r = columns.get(j);
            if (r.kind() == DictionaryKind.FULL || r.kind() == DictionaryKind.LOW_RANK || r.needsCovariance()) {
                throw new IllegalArgumentException("column " + j + "'s dictionary must rebuild from its recipe alone "
                        + "(not FULL, LOW_RANK or covariance-based) but was " + r.describe());
            }
            if ((long) r.inputs() * channels != inputs) {
                throw new IllegalArgumentException("column " + j + "'s dictionary has " + r.inputs()
                        + " inputs, so " + channels + " channels give " + (long) r.inputs() * channels
                        + " but inputs is " + inputs);
            }
        }
    }

    /** Standard RICA, {@code n x F}. */
    public static RicaMapRecipe full(int inputs, int features) {
        return new RicaMapRecipe(inputs, features, 1, List.of());
    }

    /** Predicted RICA with one dictionary per column, tied over {@code channels}. */
    public static RicaMapRecipe factored(List<DictionaryRecipe> columns, int channels, int features) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a factored map needs at least one column recipe");
        }
        return new RicaMapRecipe(columns.get(0).inputs() * channels, features, channels, columns);
    }

    public boolean isFull() {
        return columns.isEmpty();
    }

    /** The map and the hash of what it computes with; deterministic ({@link DictionaryBuilder}). */
    public Built build() {
        if (isFull()) {
            return new Built(new FullWeightMap(inputs, features), sha256("Full " + inputs + "x" + features));
        }
        List<Dictionary> dictionaries = new ArrayList<>(columns.size());
        StringBuilder hashes = new StringBuilder("Factored " + inputs + "x" + features + " C=" + channels);
        for (DictionaryRecipe r : columns) {
            Dictionary d = DictionaryBuilder.build(r, null);
            dictionaries.add(d);
            hashes.append(' ').append(d.sha256());
        }
        return new Built(new FactoredWeightMap(dictionaries, channels, features), sha256(hashes.toString()));
    }

    /**
     * A built map and its hash: for factored maps the SHA-256 over the shape and each column's
     * {@link Dictionary#sha256()} (the exact bits of {@code U_s,j}); for Full over the shape.
     */
    public record Built(WeightMap map, String hash) {
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
