package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paramprediction.data.Shape;

/** Output sizes worked out by hand, and the messages of impossible geometries. */
class ConvGeometryTest {

    @Test
    void samePaddingKeepsTheImageSize() {
        ConvGeometry g = ConvGeometry.same(Shape.image(28, 28), 5);
        assertEquals(2, g.pad());
        assertEquals(new Shape(32, 28, 28), g.outputShape(32));
        assertEquals(784, g.positions());
        assertEquals(25, g.patchSize());
    }

    @Test
    void outputSizeIsFlooredAndNonSquareInputsKeepTheirSides() {
        // (14 + 2 - 3) / 2 + 1 = 7 rows; (9 + 2 - 3) / 2 + 1 = 5 columns
        ConvGeometry g = new ConvGeometry(new Shape(32, 14, 9), 3, 2, 1);
        assertEquals(7, g.outputHeight());
        assertEquals(5, g.outputWidth());
        assertEquals(3 * 3 * 32, g.patchSize());
        // (10 - 5) / 2 + 1 = 3 (the last row of the input is never visited)
        ConvGeometry valid = new ConvGeometry(new Shape(1, 10, 5), 5, 2, 0);
        assertEquals(new Shape(4, 3, 1), valid.outputShape(4));
    }

    @Test
    void kernelLargerThanThePaddedInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvGeometry(new Shape(1, 3, 8), 5, 1, 0));
        assertMentions(e, "kernel 5", "height 3 + 2*0 = 3", "1x3x8");
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> new ConvGeometry(new Shape(2, 8, 2), 5, 1, 1));
        assertMentions(w, "width 2 + 2*1 = 4");
    }

    @Test
    void nonPositiveStrideOrKernelAndBadPaddingAreRejected() {
        Shape in = Shape.image(8, 8);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(in, 3, 0, 1)),
                "stride must be >= 1 but was 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(in, 0, 1, 0)),
                "kernel must be >= 1 but was 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(in, 3, 1, -1)),
                "pad must be in [0, kernel - 1 = 2] but was -1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(in, 3, 1, 3)),
                "but was 3");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> ConvGeometry.same(in, 4)),
                "odd kernel");
    }

    private static void assertMentions(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention '" + p + "'");
        }
    }
}
