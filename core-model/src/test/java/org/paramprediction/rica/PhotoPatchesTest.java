package org.paramprediction.rica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.data.DatasetFormatException;
import org.paramprediction.data.Shape;

class PhotoPatchesTest {

    /** Debian's python3-skimage sample photographs, used when installed. */
    private static final Path SKIMAGE_DATA = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    /** A photograph's values are far from constant: variance well above this. */
    private static final double MIN_PHOTO_VARIANCE = 0.01;

    /** Palette of the indexed fixture: colours, so the PNG writer cannot store it as grey. */
    private static final int[] PALETTE = {0xFF0000, 0x0AC81E, 0xFFFFFF, 0x2040F0};

    @TempDir
    Path dir;

    /** Component {@code c} (0 = R, 1 = G, 2 = B) of pixel {@code (y, x)} of RGB fixture {@code k}. */
    private static int rgb(int k, int c, int y, int x) {
        return (7 * x + 13 * y + 41 * c + 97 * k + 5 * x * y) % 256;
    }

    private static int argb(int k, int y, int x) {
        return rgb(k, 0, y, x) << 16 | rgb(k, 1, y, x) << 8 | rgb(k, 2, y, x);
    }

    /** Grey fixture, every value including 128 (which {@code getRGB} would brighten to 188). */
    private static int grey(int y, int x) {
        return (17 * x + 9 * y + 128) % 256;
    }

    private static int paletteIndex(int y, int x) {
        return (x + 2 * y) % PALETTE.length;
    }

    private Path write(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer");
        return file;
    }

    private Path writeRgb(String name, int k, int height, int width) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb(k, y, x));
            }
        }
        return write(name, image);
    }

    private Path writeGrey(String name, int height, int width) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, grey(y, x));
            }
        }
        return write(name, image);
    }

    private Path writeIndexed(String name, int height, int width) throws IOException {
        byte[] r = new byte[PALETTE.length];
        byte[] g = new byte[PALETTE.length];
        byte[] b = new byte[PALETTE.length];
        for (int i = 0; i < PALETTE.length; i++) {
            r[i] = (byte) (PALETTE[i] >> 16);
            g[i] = (byte) (PALETTE[i] >> 8);
            b[i] = (byte) PALETTE[i];
        }
        IndexColorModel palette = new IndexColorModel(8, PALETTE.length, r, g, b);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, paletteIndex(y, x));
            }
        }
        return write(name, image);
    }

    /** The documented luma of 8-bit components, as a float in [0, 1]. */
    private static float luma(int r, int g, int b) {
        return (float) ((0.299 * r + 0.587 * g + 0.114 * b) / 255.0);
    }

    @Test
    void rgbFileGivesChannelMajorValuesOverTwoFiftyFive() throws IOException {
        Photo photo = PhotoPatches.read(writeRgb("a.png", 0, 5, 7), false);
        assertEquals(new Shape(3, 5, 7), photo.shape());
        assertTrue(photo.name().endsWith("a.png"), photo.name());
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    assertEquals(rgb(0, c, y, x) / 255f, photo.values()[(c * 5 + y) * 7 + x]);
                }
            }
        }
    }

    @Test
    void rgbFileReadAsGreyGivesTheBt601Luma() throws IOException {
        Photo photo = PhotoPatches.read(writeRgb("a.png", 1, 4, 6), true);
        assertEquals(new Shape(1, 4, 6), photo.shape());
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(luma(rgb(1, 0, y, x), rgb(1, 1, y, x), rgb(1, 2, y, x)), photo.value(0, y, x));
            }
        }
        assertEquals(1f, PhotoPatches.luma(0xFFFFFF), "white is exactly 1");
    }

    @Test
    void greyFileKeepsItsLevelsAsGreyAndGivesEqualChannelsAsRgb() throws IOException {
        Path file = writeGrey("g.png", 6, 5);
        Photo grey = PhotoPatches.read(file, true);
        Photo rgb = PhotoPatches.read(file, false);
        assertEquals(new Shape(1, 6, 5), grey.shape());
        assertEquals(new Shape(3, 6, 5), rgb.shape());
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 5; x++) {
                float v = grey(y, x) / 255f;
                assertEquals(v, grey.value(0, y, x), "grey level at y=" + y + " x=" + x);
                for (int c = 0; c < 3; c++) {
                    assertEquals(v, rgb.value(c, y, x), "channel " + c + " at y=" + y + " x=" + x);
                }
            }
        }
    }

    @Test
    void paletteFileGivesItsPaletteColours() throws IOException {
        Path file = writeIndexed("p.png", 3, 8);
        assertInstanceOf(IndexColorModel.class, ImageIO.read(file.toFile()).getColorModel(),
                "the fixture must really be a palette PNG");
        Photo rgb = PhotoPatches.read(file, false);
        Photo grey = PhotoPatches.read(file, true);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 8; x++) {
                int colour = PALETTE[paletteIndex(y, x)];
                int r = colour >> 16 & 0xFF;
                int g = colour >> 8 & 0xFF;
                int b = colour & 0xFF;
                assertEquals(r / 255f, rgb.value(0, y, x));
                assertEquals(g / 255f, rgb.value(1, y, x));
                assertEquals(b / 255f, rgb.value(2, y, x));
                assertEquals(luma(r, g, b), grey.value(0, y, x));
            }
        }
    }

    /** Each patch is the window of the photo, row and column the documented draw order gives. */
    @Test
    void patchesFromPhotosOfTwoSizesAreTheWindowsTheSeedDraws() throws IOException {
        int[][] sizes = {{9, 7}, {6, 11}}; // height, width
        List<Photo> photos = PhotoPatches.read(List.of(writeRgb("a.png", 0, 9, 7), writeRgb("b.png", 1, 6, 11)), false);
        int p = 4;
        long seed = 2013L;
        Patches patches = PhotoPatches.sample(photos, p, 200, seed);
        assertEquals(new Shape(3, p, p), patches.shape());
        assertEquals(seed, patches.seed());
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] drawn = new boolean[2];
        for (int t = 0; t < patches.count(); t++) {
            int k = rng.nextInt(2);
            int top = rng.nextInt(sizes[k][0] - p + 1);
            int left = rng.nextInt(sizes[k][1] - p + 1);
            drawn[k] = true;
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        double expected = rgb(k, c, top + i, left + j) / 255f;
                        assertEquals(expected, patches.rows()[t * 48 + c * 16 + i * 4 + j],
                                "patch " + t + " c=" + c + " i=" + i + " j=" + j);
                    }
                }
            }
        }
        assertTrue(drawn[0] && drawn[1], "both photos drawn from");
    }

    @Test
    void greyPatchesAreTheLumaWindowsTheSeedDraws() throws IOException {
        List<Photo> photos = PhotoPatches.read(List.of(writeRgb("a.png", 0, 9, 7), writeRgb("b.png", 1, 6, 11)), true);
        int[][] sizes = {{9, 7}, {6, 11}};
        int p = 3;
        Patches patches = PhotoPatches.sample(photos, p, 60, 5L);
        assertEquals(new Shape(1, p, p), patches.shape());
        SplittableRandom rng = new SplittableRandom(5L);
        for (int t = 0; t < patches.count(); t++) {
            int k = rng.nextInt(2);
            int top = rng.nextInt(sizes[k][0] - p + 1);
            int left = rng.nextInt(sizes[k][1] - p + 1);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    int y = top + i;
                    int x = left + j;
                    double expected = luma(rgb(k, 0, y, x), rgb(k, 1, y, x), rgb(k, 2, y, x));
                    assertEquals(expected, patches.rows()[t * 9 + i * 3 + j], "patch " + t);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePatchesAndAnotherSeedOthers() throws IOException {
        List<Photo> photos = PhotoPatches.read(List.of(writeRgb("a.png", 0, 9, 7), writeGrey("g.png", 8, 8)), false);
        double[] a = PhotoPatches.sample(photos, 5, 40, 7L).rows();
        double[] b = PhotoPatches.sample(photos, 5, 40, 7L).rows();
        double[] c = PhotoPatches.sample(photos, 5, 40, 8L).rows();
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.png");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> PhotoPatches.read(missing, false));
        assertTrue(e.getMessage().contains("image file " + missing + " not found"), e.getMessage());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void aFileNoImageReaderKnowsIsRejectedNamingIt() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> PhotoPatches.read(List.of(text), false));
        assertTrue(e.getMessage().startsWith(text + ": not an image javax.imageio can read"), e.getMessage());
        assertTrue(e.getMessage().contains("png"), e.getMessage());
    }

    @Test
    void aCutOffPngIsRejectedNamingIt() throws IOException {
        Path whole = writeRgb("whole.png", 0, 40, 40);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PhotoPatches.read(cut, true));
        assertTrue(e.getMessage().startsWith(cut + ": not a valid image"), e.getMessage());
    }

    @Test
    void aPhotoSmallerThanThePatchIsRejectedNamingIt() throws IOException {
        Path small = writeRgb("small.png", 0, 5, 9);
        List<Photo> photos = PhotoPatches.read(List.of(writeRgb("big.png", 1, 12, 12), small), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhotoPatches.sample(photos, 6, 10, 1L));
        assertTrue(e.getMessage().startsWith(small + ": image of shape 3x5x9 is smaller than a 6x6 patch"),
                e.getMessage());
    }

    @Test
    void emptyListsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhotoPatches.read(List.of(), false));
        assertTrue(e.getMessage().contains("files must name at least one image file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PhotoPatches.sample(List.of(), 3, 10, 1L));
        assertTrue(e.getMessage().contains("photos must not be empty"), e.getMessage());
    }

    @Test
    void patchSizeBelowOneAndBadCountsAreRejectedWithTheValue() throws IOException {
        List<Photo> photos = PhotoPatches.read(List.of(writeRgb("a.png", 0, 9, 7)), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhotoPatches.sample(photos, 0, 10, 1L));
        assertTrue(e.getMessage().contains("patchSize must be >= 1 but was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PhotoPatches.sample(photos, 3, 0, 1L));
        assertTrue(e.getMessage().contains("count must be >= 1") && e.getMessage().contains("count was 0"),
                e.getMessage());
        int tooMany = Integer.MAX_VALUE / 27 + 1; // 27 values per 3x3x3 patch
        e = assertThrows(IllegalArgumentException.class, () -> PhotoPatches.sample(photos, 3, tooMany, 1L));
        assertTrue(e.getMessage().contains("must fit an array but count was " + tooMany
                + " for 3x3x3 patches"), e.getMessage());
    }

    @Test
    void photosWithDifferentChannelCountsAreRejectedNamingBoth() throws IOException {
        Path a = writeRgb("a.png", 0, 9, 7);
        Path g = writeGrey("g.png", 8, 8);
        List<Photo> mixed = List.of(PhotoPatches.read(a, false), PhotoPatches.read(g, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhotoPatches.sample(mixed, 3, 10, 1L));
        assertTrue(e.getMessage().contains(g + " is 1x8x8 and " + a + " is 3x9x7"), e.getMessage());
    }

    @Test
    void skimagePhotographsReadWithTheirShapesAndNaturalValues() {
        Path astronaut = SKIMAGE_DATA.resolve("astronaut.png");
        assumeTrue(Files.isRegularFile(astronaut), "python3-skimage sample data not installed");
        List<Path> files = List.of(astronaut, SKIMAGE_DATA.resolve("chelsea.png"), SKIMAGE_DATA.resolve("coffee.png"));
        List<Photo> rgb = PhotoPatches.read(files, false);
        assertEquals(new Shape(3, 512, 512), rgb.get(0).shape());
        assertEquals(new Shape(3, 300, 451), rgb.get(1).shape());
        assertEquals(new Shape(3, 400, 600), rgb.get(2).shape());
        for (Photo photo : rgb) {
            assertNaturalValues(photo.values(), photo.name());
        }
        Photo grey = PhotoPatches.read(files.get(2), true);
        assertEquals(new Shape(1, 400, 600), grey.shape());
        assertNaturalValues(grey.values(), grey.name());
        Patches patches = PhotoPatches.sample(rgb, 8, 500, 3L);
        assertEquals(500 * 192, patches.rows().length);
        for (double v : patches.rows()) {
            assertTrue(v >= 0 && v <= 1, "patch value " + v);
        }
    }

    private static void assertNaturalValues(float[] values, String name) {
        double sum = 0;
        for (float v : values) {
            assertTrue(v >= 0f && v <= 1f, name + ": value " + v + " outside [0, 1]");
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        double variance = squares / values.length;
        assertTrue(variance > MIN_PHOTO_VARIANCE, name + ": variance " + variance);
    }
}
