package org.paramprediction.layer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of each hidden layer's dictionary {@code U} exactly as the network computes with it. */
public final class UHashes {

    private UHashes() {}

    /** Per hidden layer: the hex SHA-256 of its {@code U} values, or {@code "dense"} for a full layer. */
    public static List<String> of(Network net) {
        List<String> out = new ArrayList<>();
        for (WeightedLayer layer : net.weighted()) {
            if (layer.map() instanceof FactoredMap f) {
                float[] u = f.dictionary().data().asFloat();
                ByteBuffer b = ByteBuffer.allocate(u.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(u);
                out.add(sha256(b.array()));
            } else {
                out.add("dense");
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
