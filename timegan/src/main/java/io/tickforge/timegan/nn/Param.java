package io.tickforge.timegan.nn;

import java.util.Objects;

/**
 * One trainable tensor: its values and the gradient accumulated for them, both flat row-major float arrays of the
 * same length. The layer that creates a parameter owns both arrays and exposes them directly (no copies) so that
 * the optimiser, initialisers and checkpoints work in place. Backward passes <em>add</em> into {@link #grad()}: a net
 * applied several times in one loss accumulates the gradient of every application; call {@link #zeroGrad()} before
 * each step.
 */
public final class Param {

    private final String name;
    private final int rows;
    private final int cols;
    private final float[] value;
    private final float[] grad;

    /**
     * Creates a zero-valued parameter with a zero gradient.
     *
     * @param name dotted name, unique within its net (e.g. {@code gru.0.W})
     * @param rows rows of the matrix (1 for a bias)
     * @param cols columns of the matrix
     */
    public Param(String name, int rows, int cols) {
        this.name = Objects.requireNonNull(name, "name");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("Param " + name + ": rows and cols must be positive, got rows=" + rows
                    + " cols=" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.value = new float[rows * cols];
        this.grad = new float[rows * cols];
    }

    /** @return the parameter's name */
    public String name() {
        return name;
    }

    /** @return rows of the matrix */
    public int rows() {
        return rows;
    }

    /** @return columns of the matrix (the leading dimension of {@link #value()}) */
    public int cols() {
        return cols;
    }

    /** @return the live value array, row-major {@code rows x cols} */
    public float[] value() {
        return value;
    }

    /** @return the live gradient array, same layout as {@link #value()} */
    public float[] grad() {
        return grad;
    }

    /** @return number of scalars */
    public int size() {
        return value.length;
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0f);
    }
}
