package io.tickforge.timegan.nn;

import io.tickforge.timegan.nn.internal.Kernels;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer applied independently to every row (every time step of every sequence):
 * {@code y = act(x W + b)} with {@code W} of {@code in x out}, TF1's {@code fully_connected} (Glorot uniform
 * weights, zero bias). Rows are processed as one GEMM.
 */
public final class Dense {

    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final Param w;
    private final Param b;
    private final List<Param> params;

    /**
     * Creates the layer and initialises its weights.
     *
     * @param name prefix of the parameter names
     * @param inputSize input features
     * @param outputSize output features
     * @param activation output activation
     * @param rng seeded random source
     */
    public Dense(String name, int inputSize, int outputSize, Activation activation, RandomGenerator rng) {
        Objects.requireNonNull(name, "name");
        this.activation = Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(rng, "rng");
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.w = new Param(name + ".W", inputSize, outputSize);
        this.b = new Param(name + ".b", 1, outputSize);
        Init.glorotUniform(w.value(), 0, inputSize, outputSize, outputSize, inputSize, outputSize, rng);
        this.params = List.of(w, b);
    }

    /** @return input features */
    public int inputSize() {
        return inputSize;
    }

    /** @return output features */
    public int outputSize() {
        return outputSize;
    }

    /** @return the output activation */
    public Activation activation() {
        return activation;
    }

    /** @return W then b */
    public List<Param> params() {
        return params;
    }

    /**
     * Allocates the buffers of one application to a fixed number of rows.
     *
     * @param rows rows per call (B * T for a sequence batch)
     * @param gemm matrix multiply used on this tape
     * @return a new tape
     */
    public Tape newTape(int rows, Gemm gemm) {
        return new Tape(rows, gemm);
    }

    /**
     * Computes {@code y = act(x W + b)} for every row; the tape keeps a reference to {@code x} for backward.
     *
     * @param x input rows {@code [rows][in]}
     * @param xOff index of the first element
     * @param tape buffers of this application
     * @return the output {@code [rows][out]}, owned by the tape
     */
    public float[] forward(float[] x, int xOff, Tape tape) {
        tape.input = x;
        tape.inputOff = xOff;
        int rows = tape.rows;
        float[] y = tape.out;
        Kernels.fillRows(y, 0, rows, outputSize, b.value());
        tape.gemm.gemm(false, false, rows, outputSize, inputSize, 1f, x, xOff, inputSize, w.value(), 0, outputSize,
                1f, y, 0, outputSize);
        if (activation == Activation.SIGMOID) {
            Kernels.sigmoidInPlace(y, 0, rows * outputSize);
        }
        return y;
    }

    /**
     * Back-propagates {@code dY}: adds into the weight gradients and writes the input gradient into the tape.
     *
     * @param dY gradient with respect to the outputs {@code [rows][out]}; not modified
     * @param dOff index of its first element
     * @param tape the tape of the matching forward
     * @return the input gradient {@code [rows][in]}, owned by the tape
     */
    public float[] backward(float[] dY, int dOff, Tape tape) {
        return backward(dY, dOff, tape, true);
    }

    /**
     * As {@link #backward(float[], int, Tape)}, optionally without the weight gradients.
     *
     * @param dY gradient with respect to the outputs {@code [rows][out]}; not modified
     * @param dOff index of its first element
     * @param tape the tape of the matching forward
     * @param paramGrads whether to add the weight gradients into the parameters
     * @return the input gradient {@code [rows][in]}, owned by the tape
     */
    public float[] backward(float[] dY, int dOff, Tape tape, boolean paramGrads) {
        int rows = tape.rows;
        int n = rows * outputSize;
        float[] dPre = tape.dPre;
        if (activation == Activation.SIGMOID) {
            float[] y = tape.out;
            for (int i = 0; i < n; i++) {
                dPre[i] = dY[dOff + i] * y[i] * (1f - y[i]);
            }
        } else {
            System.arraycopy(dY, dOff, dPre, 0, n);
        }
        Gemm gemm = tape.gemm;
        if (paramGrads) {
            gemm.gemm(true, false, inputSize, outputSize, rows, 1f, tape.input, tape.inputOff, inputSize, dPre, 0,
                    outputSize, 1f, w.grad(), 0, outputSize);
            Kernels.addColumnSums(dPre, 0, rows, outputSize, outputSize, b.grad(), 0);
        }
        gemm.gemm(false, true, rows, inputSize, outputSize, 1f, dPre, 0, outputSize, w.value(), 0, outputSize, 0f,
                tape.dInput, 0, inputSize);
        return tape.dInput;
    }

    /**
     * Applies the layer to rows without keeping anything for backward (sampling).
     *
     * @param x input rows
     * @param xOff index of the first element
     * @param rows number of rows
     * @param y output, {@code [rows][out]}
     * @param yOff index of its first element
     * @param gemm matrix multiply
     */
    public void apply(float[] x, int xOff, int rows, float[] y, int yOff, Gemm gemm) {
        Kernels.fillRows(y, yOff, rows, outputSize, b.value());
        gemm.gemm(false, false, rows, outputSize, inputSize, 1f, x, xOff, inputSize, w.value(), 0, outputSize, 1f,
                y, yOff, outputSize);
        if (activation == Activation.SIGMOID) {
            Kernels.sigmoidInPlace(y, yOff, yOff + rows * outputSize);
        }
    }

    /** Buffers of one application of a {@link Dense} layer. Confined to one thread at a time. */
    public final class Tape {
        private final int rows;
        private final Gemm gemm;
        private final float[] out;
        private final float[] dPre;
        private final float[] dInput;
        private float[] input;
        private int inputOff;

        private Tape(int rows, Gemm gemm) {
            if (rows <= 0) {
                throw new IllegalArgumentException("rows must be positive, got " + rows);
            }
            this.rows = rows;
            this.gemm = Objects.requireNonNull(gemm, "gemm");
            this.out = new float[rows * outputSize];
            this.dPre = new float[rows * outputSize];
            this.dInput = new float[rows * inputSize];
        }

        /** @return rows per call */
        public int rows() {
            return rows;
        }

        /** @return the output of the last forward */
        public float[] output() {
            return out;
        }
    }
}
