package org.paramprediction.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Shape;

/** The patch matrix entry by entry, its adjoint, and the merging of copies. */
class Im2ColTest {

    private static final double TOL = 1e-12;

    @Test
    void patchMatrixHoldsEveryPatchValueAndZerosInThePadding() {
        SplittableRandom rng = new SplittableRandom(51);
        for (ConvGeometry g : new ConvGeometry[] {new ConvGeometry(new Shape(2, 5, 7), 3, 1, 1),
                new ConvGeometry(new Shape(3, 7, 6), 5, 2, 2), new ConvGeometry(new Shape(1, 6, 6), 2, 2, 0)}) {
            int b = 3;
            INDArray x = ConvFixtures.input(rng, b, g.input().features(), 'f');
            INDArray cols = Nd4j.create(DataType.DOUBLE, new long[] {(long) g.positions() * b, g.patchSize()}, 'f');
            new Im2Col(g).gather(x, cols);
            int k = g.kernel();
            Shape in = g.input();
            for (int c = 0; c < in.channels(); c++) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        for (int yo = 0; yo < g.outputHeight(); yo++) {
                            for (int xo = 0; xo < g.outputWidth(); xo++) {
                                int y = yo * g.stride() - g.pad() + i;
                                int xx = xo * g.stride() - g.pad() + j;
                                boolean inside = y >= 0 && y < in.height() && xx >= 0 && xx < in.width();
                                for (int e = 0; e < b; e++) {
                                    double expected = inside ? x.getDouble(e, (c * in.height() + y) * in.width() + xx) : 0;
                                    long row = (long) (yo * g.outputWidth() + xo) * b + e;
                                    assertEquals(expected, cols.getDouble(row, (c * k + i) * k + j), TOL, g + " row " + row);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void scatterIsTheAdjointOfGather() {
        // <gather(x), Y> = <x, scatter(Y)> for every x and Y
        SplittableRandom rng = new SplittableRandom(52);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            ConvGeometry g = new ConvGeometry(new Shape(3, 6, 5), 3, 2, 1);
            int b = 4;
            Im2Col im2col = new Im2Col(g);
            INDArray x = ConvFixtures.input(rng, b, g.input().features(), 'f').castTo(type);
            INDArray cols = Nd4j.create(type, new long[] {(long) g.positions() * b, g.patchSize()}, 'f');
            INDArray y = ConvFixtures.input(rng, g.positions() * b, g.patchSize(), 'f').castTo(type);
            INDArray back = Nd4j.create(type, new long[] {b, g.input().features()}, 'f');
            im2col.gather(x, cols);
            back.assign(1e3); // scatter overwrites, and forgets the previous call
            im2col.scatter(y.mul(-2), back);
            im2col.scatter(y, back);
            double lhs = cols.castTo(DataType.DOUBLE).mul(y.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
            double rhs = x.castTo(DataType.DOUBLE).mul(back.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
            assertEquals(lhs, rhs, (type == DataType.FLOAT ? 1e-4 : 1e-10) * Math.abs(lhs), type.toString());
        }
    }

    @Test
    void strideOneCopiesWholeRowsOfPositions() {
        // 1x28x28, k = 5, pad 2. Kernel row i sees 26, 27, 28, 27, 26 output rows (the others read padding),
        // 134 in all. Off the centre column (j != 2) each row is one copy of 26-27 positions: 4 * 134. In the
        // centre column rows are whole, so consecutive rows join too: one copy per kernel row, 5.
        assertEquals(4 * 134 + 5, new Im2Col(ConvGeometry.same(Shape.image(28, 28), 5)).runs());
        // k = 1 without padding: one copy per channel (never merged across patch columns)
        assertEquals(4, new Im2Col(new ConvGeometry(new Shape(4, 6, 6), 1, 1, 0)).runs());
    }

    @Test
    void rowMajorInputIsRejectedWithItsLayout() {
        ConvGeometry g = new ConvGeometry(new Shape(1, 4, 4), 3, 1, 1);
        INDArray x = Nd4j.create(DataType.FLOAT, new long[] {2, 16}, 'c');
        INDArray cols = Nd4j.create(DataType.FLOAT, new long[] {32, 9}, 'f');
        assertThrows(IllegalArgumentException.class, () -> new Im2Col(g).gather(x, cols));
    }
}
