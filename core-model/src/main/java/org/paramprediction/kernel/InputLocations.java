package org.paramprediction.kernel;

import java.util.Objects;

/**
 * The location {@code p_i} of each input index {@code i} of a layer, on a {@code rows x cols} grid.
 *
 * <p>Index {@code i = r * cols + c} sits at {@code (r, c)}. {@link #grid(int, int)} is the image
 * case (a 28x28 image has 784 locations); {@link #line(int)} puts index {@code i} at {@code (0, i)},
 * for hidden layers with no topology (a {@code 1 x n} grid). Immutable.
 */
public final class InputLocations {

    private final int rows;
    private final int cols;

    private InputLocations(int rows, int cols) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        }
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be >= 1, got " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "rows * cols must fit in an int, got " + rows + " * " + cols);
        }
        this.rows = rows;
        this.cols = cols;
    }

    /** A {@code rows x cols} image grid: index {@code i = r * cols + c} is at {@code (r, c)}. */
    public static InputLocations grid(int rows, int cols) {
        return new InputLocations(rows, cols);
    }

    /** {@code n} indices on a line: index {@code i} is at {@code (0, i)}. */
    public static InputLocations line(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return new InputLocations(1, n);
    }

    /** Number of indices, {@code rows * cols}. */
    public int size() {
        return rows * cols;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** True when both {@code rows > 1} and {@code cols > 1} (a 2-D grid, not a line). */
    public boolean isTwoDimensional() {
        return rows > 1 && cols > 1;
    }

    /** Row of index {@code i}. */
    public int row(int i) {
        return Objects.checkIndex(i, size()) / cols;
    }

    /** Column of index {@code i}. */
    public int col(int i) {
        return Objects.checkIndex(i, size()) % cols;
    }

    /** {@code |p_i - p_j|^2 = (r_i - r_j)^2 + (c_i - c_j)^2}, exact (integers). */
    public double squaredDistance(int i, int j) {
        long dr = row(i) - row(j);
        long dc = col(i) - col(j);
        return (double) (dr * dr + dc * dc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputLocations other && other.rows == rows && other.cols == cols;
    }

    @Override
    public int hashCode() {
        return 31 * rows + cols;
    }

    @Override
    public String toString() {
        return "InputLocations[" + rows + "x" + cols + "]";
    }
}
