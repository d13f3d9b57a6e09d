package org.paramprediction.covariance;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.paramprediction.stats.Covariance;

/**
 * The binary form of a {@link Covariance}, all numbers big-endian:
 *
 * <pre>  magic    8 bytes  "PPCOVAR\n"
 *  version  int      1
 *  d        int      dimension, in [1, 46340]
 *  count    long     rows estimated from, >= 2
 *  squared  byte     0 or 1
 *  matrix   d*d doubles, row-major (IEEE bits, so a round trip is bit-identical)
 *  sha256   32 bytes of everything before it</pre>
 */
final class CovarianceFile {

    static final byte[] MAGIC = {'P', 'P', 'C', 'O', 'V', 'A', 'R', '\n'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = MAGIC.length + 4 + 4 + 8 + 1;
    static final int DIGEST_BYTES = 32;
    static final int MAX_DIMENSION = 46340;

    private CovarianceFile() {}

    /** Bytes of a file holding a {@code d x d} matrix. */
    static long length(int d) {
        return HEADER_BYTES + 8L * d * d + DIGEST_BYTES;
    }

    /** Writes {@code c} to {@code out} (flushed, not closed). */
    static void write(Covariance c, OutputStream out) throws IOException {
        MessageDigest sha = sha256();
        // The buffer sits above the digest, so flushing it feeds the digest everything written.
        DataOutputStream data = new DataOutputStream(
                new BufferedOutputStream(new DigestOutputStream(out, sha), 1 << 16));
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(c.dimension());
        data.writeLong(c.count());
        data.writeByte(c.squaredInputs() ? 1 : 0);
        for (double v : c.matrix()) {
            data.writeDouble(v);
        }
        data.flush();
        out.write(sha.digest());
        out.flush();
    }

    /**
     * Reads a covariance from {@code in}, a file of {@code fileLength} bytes named {@code where} in
     * errors.
     *
     * @throws IOException naming {@code where} if the file is truncated, of another format or
     *     version, fails its checksum or holds an invalid matrix
     */
    static Covariance read(InputStream in, long fileLength, String where) throws IOException {
        MessageDigest sha = sha256();
        // The buffer sits below the digest, so the digest sees exactly the bytes read, not read-ahead.
        DataInputStream data = new DataInputStream(new DigestInputStream(new BufferedInputStream(in, 1 << 16), sha));
        if (fileLength < HEADER_BYTES + DIGEST_BYTES) {
            throw corrupt(where, "file has " + fileLength + " bytes, fewer than the "
                    + (HEADER_BYTES + DIGEST_BYTES) + " of an empty header and checksum (truncated?)");
        }
        try {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw corrupt(where, "bad magic " + Arrays.toString(magic) + ", not a covariance file");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw corrupt(where, "format version " + version + " is not supported (expected " + VERSION + ")");
            }
            int d = data.readInt();
            if (d < 1 || d > MAX_DIMENSION) {
                throw corrupt(where, "dimension " + d + " is outside [1, " + MAX_DIMENSION + "]");
            }
            if (fileLength != length(d)) {
                throw corrupt(where, "file has " + fileLength + " bytes but a " + d + " x " + d
                        + " matrix needs " + length(d) + " (truncated or appended to?)");
            }
            long count = data.readLong();
            int squared = data.readUnsignedByte();
            double[] matrix = readDoubles(data, d * d);
            byte[] expected = sha.digest();
            byte[] stored = new byte[DIGEST_BYTES];
            data.readFully(stored);
            if (!MessageDigest.isEqual(expected, stored)) {
                throw corrupt(where, "SHA-256 checksum mismatch (the file is damaged)");
            }
            if (squared > 1) {
                throw corrupt(where, "squared flag must be 0 or 1 but was " + squared);
            }
            return new Covariance(d, matrix, count, squared == 1);
        } catch (EOFException e) {
            throw corrupt(where, "unexpected end of file (truncated?)", e);
        } catch (IllegalArgumentException e) {
            throw corrupt(where, "invalid matrix: " + e.getMessage(), e);
        }
    }

    private static double[] readDoubles(DataInputStream data, int n) throws IOException {
        double[] values = new double[n];
        byte[] chunk = new byte[8 * 8192];
        for (int done = 0; done < n; ) {
            int k = Math.min(8192, n - done);
            data.readFully(chunk, 0, 8 * k);
            ByteBuffer.wrap(chunk, 0, 8 * k).asDoubleBuffer().get(values, done, k);
            done += k;
        }
        return values;
    }

    private static IOException corrupt(String where, String why) {
        return new IOException("corrupt covariance file " + where + ": " + why);
    }

    private static IOException corrupt(String where, String why, Exception cause) {
        return new IOException("corrupt covariance file " + where + ": " + why, cause);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
