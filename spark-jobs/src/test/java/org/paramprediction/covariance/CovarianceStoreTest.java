package org.paramprediction.covariance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.stats.Covariance;
import org.paramprediction.stats.CovarianceAccumulator;

class CovarianceStoreTest {

    private static final String KEY = "0123abcd-plain";

    @TempDir
    java.nio.file.Path dir;

    @AfterEach
    void resetCrash() {
        CrashingFileSystem.crashAfterBytes = Long.MAX_VALUE;
        CrashingFileSystem.namesAtCrash = null;
    }

    @Test
    void roundTripIsBitIdentical() {
        CovarianceStore store = store();
        Covariance random = randomCovariance(9, 42);
        Covariance odd = new Covariance(2, new double[] {Double.MIN_VALUE, -0.0, -0.0, 5e300}, 7, true);
        store.save(KEY, random);
        store.save("odd-squared", odd);

        for (Covariance[] pair : new Covariance[][] {{random, store.load(KEY).orElseThrow()},
                {odd, store.load("odd-squared").orElseThrow()}}) {
            Covariance expected = pair[0];
            Covariance back = pair[1];
            assertEquals(expected.dimension(), back.dimension());
            assertEquals(expected.count(), back.count());
            assertEquals(expected.squaredInputs(), back.squaredInputs());
            assertArrayEquals(bits(expected.matrix()), bits(back.matrix()));
            assertEquals(expected.id(), back.id());
        }
        assertTrue(Files.isRegularFile(dir.resolve("covariance").resolve(KEY).resolve("covariance.bin")));
        assertEquals(CovarianceFile.length(9), dir.resolve("covariance").resolve(KEY).resolve("covariance.bin").toFile().length());
    }

    @Test
    void theStringAndHadoopConfConstructorFindsTheSameFile() {
        store().save(KEY, randomCovariance(3, 1));
        CovarianceStore viaStrings = new CovarianceStore(dir.toUri().toString(), HadoopConf.of(new Configuration()));
        assertEquals(randomCovariance(3, 1), viaStrings.load(KEY).orElseThrow());
    }

    @Test
    void aMissingKeyLoadsAsEmpty() {
        assertEquals(Optional.empty(), store().load("never-saved"));
    }

    @Test
    void savingAgainReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        CovarianceStore store = store();
        store.save(KEY, randomCovariance(4, 1));
        store.save(KEY, randomCovariance(4, 2));
        assertEquals(randomCovariance(4, 2), store.load(KEY).orElseThrow());
        assertEquals(List.of("covariance.bin"), visibleAndHiddenNames(dir.resolve("covariance").resolve(KEY)));
    }

    @Test
    void aCrashWhileWritingNeverLeavesAFileUnderTheFinalName() throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs." + CrashingFileSystem.SCHEME + ".impl", CrashingFileSystem.class.getName());
        conf.setBoolean("fs." + CrashingFileSystem.SCHEME + ".impl.disable.cache", true);
        CovarianceStore store = new CovarianceStore(new Path(CrashingFileSystem.SCHEME, null, dir.toString()), conf);
        CrashingFileSystem.crashAfterBytes = 1000;

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.save(KEY, randomCovariance(30, 3)));

        assertTrue(e.getMessage().contains("simulated crash") && e.getMessage().contains("covariance.bin"), e.getMessage());
        List<String> atCrash = CrashingFileSystem.namesAtCrash;
        assertEquals(1, atCrash.size(), "while writing, only the temporary file exists: " + atCrash);
        assertTrue(atCrash.get(0).startsWith(".covariance.bin.") && atCrash.get(0).endsWith(".tmp"), atCrash.get(0));
        assertEquals(List.of(), visibleAndHiddenNames(dir.resolve("covariance").resolve(KEY)), "temporary file removed");
        assertEquals(Optional.empty(), store.load(KEY));

        CrashingFileSystem.crashAfterBytes = Long.MAX_VALUE;
        store.save(KEY, randomCovariance(30, 3));
        assertEquals(randomCovariance(30, 3), store.load(KEY).orElseThrow());
    }

    @Test
    void aTemporaryFileLeftByAKilledWriterIsIgnored() throws IOException {
        java.nio.file.Path keyDir = Files.createDirectories(dir.resolve("covariance").resolve(KEY));
        Files.write(keyDir.resolve(".covariance.bin.dead.tmp"), new byte[] {'P', 'P'});
        assertEquals(Optional.empty(), store().load(KEY));
        store().save(KEY, randomCovariance(3, 4));
        assertEquals(randomCovariance(3, 4), store().load(KEY).orElseThrow());
    }

    @Test
    void aFlippedByteFailsTheChecksumWithAnErrorNamingThePath() throws IOException {
        java.nio.file.Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        bytes[CovarianceFile.HEADER_BYTES + 13] ^= 0x01;
        rewriteWithoutHadoopCrc(file, bytes);
        assertCorrupt(file, "SHA-256 checksum mismatch");
    }

    @Test
    void aTruncatedFileIsReportedWithItsLength() throws IOException {
        java.nio.file.Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        rewriteWithoutHadoopCrc(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertCorrupt(file, "bytes but a 6 x 6 matrix needs " + CovarianceFile.length(6));
        rewriteWithoutHadoopCrc(file, java.util.Arrays.copyOf(bytes, 10));
        assertCorrupt(file, "file has 10 bytes");
    }

    @Test
    void aForeignFileOrAnotherVersionIsReported() throws IOException {
        java.nio.file.Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        rewriteWithoutHadoopCrc(file, foreign);
        assertCorrupt(file, "bad magic");
        byte[] future = bytes.clone();
        future[CovarianceFile.MAGIC.length + 3] = 2;
        rewriteWithoutHadoopCrc(file, future);
        assertCorrupt(file, "format version 2 is not supported");
    }

    /** With the local file system's own .crc sidecar still in place, Hadoop's check fires first. */
    @Test
    void aDamagedFileUnderHadoopsLocalChecksumIsAlsoAClearError() throws IOException {
        java.nio.file.Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 0x10;
        Files.write(file, bytes);
        assertTrue(Files.exists(file.resolveSibling(".covariance.bin.crc")));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store().load(KEY));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void keysThatAreNotPlainFileNamesAreRejected() {
        for (String bad : new String[] {"", "../x", "a/b", ".hidden", "with space"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store().path(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertEquals(new Path(new Path(dir.toUri()), "covariance/abc_1.0=x-squared/covariance.bin"),
                store().path("abc_1.0=x-squared"));
    }

    private CovarianceStore store() {
        return new CovarianceStore(new Path(dir.toUri()), new Configuration());
    }

    private java.nio.file.Path saved() {
        store().save(KEY, randomCovariance(6, 9));
        return dir.resolve("covariance").resolve(KEY).resolve("covariance.bin");
    }

    private void assertCorrupt(java.nio.file.Path file, String why) {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store().load(KEY));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(why), e.getMessage());
    }

    /** Edits the file as an outside process would; Hadoop's .crc sidecar is removed so our own check is what fires. */
    private static void rewriteWithoutHadoopCrc(java.nio.file.Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file.resolveSibling(".covariance.bin.crc"));
        Files.write(file, bytes);
    }

    private static List<String> visibleAndHiddenNames(java.nio.file.Path keyDir) throws IOException {
        try (Stream<java.nio.file.Path> s = Files.list(keyDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        }
    }

    private static long[] bits(double[] values) {
        long[] b = new long[values.length];
        for (int t = 0; t < values.length; t++) {
            b[t] = Double.doubleToRawLongBits(values[t]);
        }
        return b;
    }

    private static Covariance randomCovariance(int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 5 * d;
        float[] rows = new float[n * d];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = (float) (rng.nextGaussian() * (1 + t % d));
        }
        return new CovarianceAccumulator(d).add(rows, n).covariance();
    }
}
