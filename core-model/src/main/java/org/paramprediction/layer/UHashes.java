package org.paramprediction.layer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of each weighted layer's dictionary exactly as the network computes with it: {@code U} of
 * a factored layer, {@code U_s} of a tied conv layer.
 */
public final class UHashes {

    private UHashes() {}

    /** Per weighted layer: the hex SHA-256 of its dictionary's values, or {@code "dense"} for a full layer. */
    public static List<String> of(Network net) {
        List<String> out = new ArrayList<>();
        for (WeightedLayer layer : net.weighted()) {
            if (layer.map() instanceof FactoredMap f) {
                out.add(sha256(f.dictionary().data().asFloat()));
            } else if (layer.map() instanceof TiedFactoredMap t) {
                out.add(sha256(t.spatialDictionary().data().asFloat()));
            } else {
                out.add("dense");
            }
        }
        return out;
    }

    private static String sha256(float[] u) {
        ByteBuffer b = ByteBuffer.allocate(u.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(u);
        byte[] bytes = b.array();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
