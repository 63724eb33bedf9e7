package io.tickforge.timegan.nn;

import io.tickforge.timegan.nn.internal.Kernels;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A stack of {@code L} LSTM layers of width {@code h} with explicit forward and backward passes through time: the
 * alternative body of a TimeGAN net ({@link RecurrentCell#LSTM}; the reference code offers {@code lstm} as a module
 * option next to {@code gru}).
 *
 * <p>The cell is TF1's {@code BasicLSTMCell} (equivalently {@code LSTMCell} without peepholes, projection or cell
 * clipping):
 * <pre>
 *   i  = sigmoid(x Wi + h Ui + bi)                 input gate
 *   f  = sigmoid(x Wf + h Uf + bf + forgetBias)    forget gate
 *   o  = sigmoid(x Wo + h Uo + bo)                 output gate
 *   g  = tanh(x Wg + h Ug + bg)                    candidate (TF1's j, the c~ of the papers)
 *   c' = f * c + i * g
 *   h' = o * tanh(c')
 * </pre>
 * {@link #FORGET_BIAS} is 1.0, TF1's default {@code forget_bias}: like TF1 it is a constant added to the forget
 * gate's pre-activation, not part of the trainable bias {@code bf} (which starts at 0), so weight decay pulls the
 * effective forget bias towards 1, not 0. Per layer, {@code W = [Wi | Wf | Wo | Wg]} is {@code in x 4h},
 * {@code U = [Ui | Uf | Uo | Ug]} is {@code h x 4h} and {@code b} is {@code 1 x 4h}: the three sigmoid gates are
 * contiguous so one vectorised loop activates them (TF1's kernel orders its columns i, j, f, o; permute the column
 * blocks to import TF1 weights). The initial state ({@code h}, {@code c}) of a sequence is zero.
 *
 * <p>Cost model, as {@link GruStack}: the input projections {@code X W} of all time steps are one GEMM of
 * {@code [T*B, in] x [in, 4h]}, and each weight gradient is one GEMM over all steps; only {@code h U} (one GEMM per
 * step forward, one per step backward) is sequential. All buffers live in a {@link Tape} (training) or a
 * {@link StepState} (streaming), allocated once.
 */
public final class LstmStack extends GatedStack {

    /** TF1's default {@code forget_bias}, added to the forget gate's pre-activation. */
    public static final float FORGET_BIAS = 1.0f;

    /**
     * Creates a stack and initialises its weights.
     *
     * @param name prefix of the parameter names
     * @param inputSize features per time step of the input
     * @param hidden width {@code h} of every layer
     * @param layers number of layers {@code L}
     * @param init initialisation scheme: {@link GruInit#GLOROT_ORTHOGONAL} (Glorot uniform per gate block of
     *     {@code W}, an orthogonal {@code h x h} block per gate of {@code U}, zero biases) or
     *     {@link GruInit#TF1_GRU_CELL}, read for an LSTM as TF1's LSTM cell defaults (one Glorot uniform kernel over
     *     the concatenated {@code [x, h]} input, {@code (in + h) x 4h}, zero bias)
     * @param rng seeded random source; consumed in a fixed order (layer by layer, W then U)
     */
    public LstmStack(String name, int inputSize, int hidden, int layers, GruInit init, RandomGenerator rng) {
        super(name, inputSize, hidden, layers, 4);
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(rng, "rng");
        for (int l = 0; l < layers; l++) {
            initLayer(l, layerInput(l), init, rng);
        }
    }

    private void initLayer(int l, int in, GruInit init, RandomGenerator rng) {
        int h = hidden;
        int h4 = 4 * h;
        float[] wv = w[l].value();
        float[] uv = u[l].value();
        switch (init) {
            case GLOROT_ORTHOGONAL -> {
                for (int g = 0; g < 4; g++) {
                    Init.glorotUniform(wv, g * h, in, h, h4, in, h, rng);
                }
                for (int g = 0; g < 4; g++) {
                    Init.orthogonal(uv, g * h, h, h4, 1.0, rng);
                }
            }
            case TF1_GRU_CELL -> {
                // one kernel [(in + h) x 4h], rows of x first then rows of h
                Init.glorotUniform(wv, 0, in, h4, h4, in + h, h4, rng);
                Init.glorotUniform(uv, 0, h, h4, h4, in + h, h4, rng);
            }
            default -> throw new IllegalStateException("unknown init " + init);
        }
    }

    @Override
    public Tape newTape(int batch, int steps, Gemm gemm) {
        return new Tape(batch, steps, gemm);
    }

    @Override
    public StepState newStepState(int streams, Gemm gemm) {
        return new StepState(streams, gemm);
    }

    /** Writes layer {@code l}'s bias plus the constant forget bias into {@code out} ({@code 4h}). */
    private void effectiveBias(int l, float[] out) {
        int h = hidden;
        System.arraycopy(b[l].value(), 0, out, 0, 4 * h);
        for (int j = h; j < 2 * h; j++) {
            out[j] += FORGET_BIAS;
        }
    }

    @Override
    public float[] forward(float[] x, int xOff, RecurrentStack.Tape anyTape) {
        Tape tape = own(anyTape);
        tape.input = x;
        tape.inputOff = xOff;
        float[] in = x;
        int inOff = xOff;
        for (int l = 0; l < layers; l++) {
            forwardLayer(l, in, inOff, tape);
            in = tape.out[l];
            inOff = 0;
        }
        return tape.out[layers - 1];
    }

    private void forwardLayer(int l, float[] x, int xOff, Tape tape) {
        int h = hidden;
        int h4 = 4 * h;
        int bsz = tape.batch;
        int steps = tape.steps;
        int in = l == 0 ? inputSize : h;
        float[] gates = tape.gates[l];
        float[] c = tape.c[l];
        float[] tanhC = tape.tanhC[l];
        float[] out = tape.out[l];
        float[] uv = u[l].value();
        Gemm gemm = tape.gemm;
        int rows = steps * bsz;
        effectiveBias(l, tape.bias);
        Kernels.fillRows(gates, 0, rows, h4, tape.bias);
        gemm.gemm(false, false, rows, h4, in, 1f, x, xOff, in, w[l].value(), 0, h4, 1f, gates, 0, h4);
        for (int t = 0; t < steps; t++) {
            int gOff = t * bsz * h4;
            int hOff = t * bsz * h;
            int pOff = (t - 1) * bsz * h;
            if (t > 0) {
                gemm.gemm(false, false, bsz, h4, h, 1f, out, pOff, h, uv, 0, h4, 1f, gates, gOff, h4);
            }
            cell(gates, gOff, t > 0 ? c : null, pOff, c, tanhC, out, hOff, bsz, h);
        }
    }

    /**
     * Activates the gates in place and computes {@code c' = f * cPrev + i * g}, {@code tanh(c')} and
     * {@code h' = o * tanh(c')}. {@code cPrev} may be null (zero state) or alias {@code c} at the same offset.
     */
    private static void cell(float[] gates, int gOff, float[] cPrev, int pOff, float[] c, float[] tanhC, float[] out,
            int oOff, int bsz, int h) {
        int h4 = 4 * h;
        for (int i = 0; i < bsz; i++) {
            int g = gOff + i * h4;
            int o = oOff + i * h;
            int p = pOff + i * h;
            Kernels.sigmoidInPlace(gates, g, g + 3 * h);
            Kernels.tanhInPlace(gates, g + 3 * h, g + 4 * h);
            for (int j = 0; j < h; j++) {
                float cp = cPrev == null ? 0f : cPrev[p + j];
                float cn = gates[g + h + j] * cp + gates[g + j] * gates[g + 3 * h + j];
                c[o + j] = cn;
                tanhC[o + j] = cn;
            }
            Kernels.tanhInPlace(tanhC, o, o + h);
            for (int j = 0; j < h; j++) {
                out[o + j] = gates[g + 2 * h + j] * tanhC[o + j];
            }
        }
    }

    @Override
    public void backward(float[] dOut, int dOff, RecurrentStack.Tape anyTape, boolean inputGrad,
            boolean paramGrads) {
        Tape tape = own(anyTape);
        float[] dh = dOut;
        int dhOff = dOff;
        for (int l = layers - 1; l >= 0; l--) {
            float[] x = l == 0 ? tape.input : tape.out[l - 1];
            int xOff = l == 0 ? tape.inputOff : 0;
            float[] dx = l == 0 ? (inputGrad ? tape.dInput : null) : tape.dHidden;
            if (l == 0 && dx == null && !paramGrads) {
                break;
            }
            backwardLayer(l, x, xOff, dh, dhOff, dx, tape, paramGrads);
            if (l > 0) {
                // the lower layer reads its output gradient from a buffer we may overwrite next: swap roles
                float[] tmp = tape.dHidden;
                tape.dHidden = tape.dHidden2;
                tape.dHidden2 = tmp;
                dh = tape.dHidden2;
                dhOff = 0;
            }
        }
    }

    private void backwardLayer(int l, float[] x, int xOff, float[] dOut, int dOff, float[] dx, Tape tape,
            boolean paramGrads) {
        int h = hidden;
        int h4 = 4 * h;
        int bsz = tape.batch;
        int steps = tape.steps;
        int in = l == 0 ? inputSize : h;
        float[] gates = tape.gates[l];
        float[] c = tape.c[l];
        float[] tanhC = tape.tanhC[l];
        float[] out = tape.out[l];
        float[] dpre = tape.dPre;
        float[] carryH = tape.carryH;
        float[] carryC = tape.carryC;
        float[] uv = u[l].value();
        Gemm gemm = tape.gemm;
        Arrays.fill(carryH, 0f);
        Arrays.fill(carryC, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            int gOff = t * bsz * h4;
            int hOff = t * bsz * h;
            int pOff = (t - 1) * bsz * h;
            boolean first = t == 0;
            for (int i = 0; i < bsz; i++) {
                int g = gOff + i * h4;
                int o = i * h;
                int d = dOff + hOff + i * h;
                int s = hOff + i * h;
                int p = pOff + i * h;
                for (int j = 0; j < h; j++) {
                    float dhj = dOut[d + j] + carryH[o + j];
                    float ig = gates[g + j];
                    float fg = gates[g + h + j];
                    float og = gates[g + 2 * h + j];
                    float gg = gates[g + 3 * h + j];
                    float th = tanhC[s + j];
                    float cp = first ? 0f : c[p + j];
                    float dc = carryC[o + j] + dhj * og * (1f - th * th);
                    dpre[g + j] = dc * gg * ig * (1f - ig);
                    dpre[g + h + j] = dc * cp * fg * (1f - fg);
                    dpre[g + 2 * h + j] = dhj * th * og * (1f - og);
                    dpre[g + 3 * h + j] = dc * ig * (1f - gg * gg);
                    carryC[o + j] = dc * fg;
                }
            }
            if (!first) {
                // dhPrev = dpre U^T
                gemm.gemm(false, true, bsz, h, h4, 1f, dpre, gOff, h4, uv, 0, h4, 0f, carryH, 0, h);
            }
        }
        int rows = steps * bsz;
        if (paramGrads) {
            float[] gW = w[l].grad();
            float[] gU = u[l].grad();
            gemm.gemm(true, false, in, h4, rows, 1f, x, xOff, in, dpre, 0, h4, 1f, gW, 0, h4);
            Kernels.addColumnSums(dpre, 0, rows, h4, h4, b[l].grad(), 0);
            if (steps > 1) {
                int shifted = (steps - 1) * bsz;
                gemm.gemm(true, false, h, h4, shifted, 1f, out, 0, h, dpre, bsz * h4, h4, 1f, gU, 0, h4);
            }
        }
        if (dx != null) {
            gemm.gemm(false, true, rows, in, h4, 1f, dpre, 0, h4, w[l].value(), 0, h4, 0f, dx, 0, in);
        }
    }

    @Override
    public float[] forwardStep(float[] x, int xOff, RecurrentStack.StepState anyState) {
        StepState state = own(anyState);
        int h = hidden;
        int h4 = 4 * h;
        int bsz = state.streams;
        Gemm gemm = state.gemm;
        float[] in = x;
        int inOff = xOff;
        for (int l = 0; l < layers; l++) {
            int inW = l == 0 ? inputSize : h;
            float[] hs = state.h[l];
            float[] cs = state.c[l];
            effectiveBias(l, state.bias);
            Kernels.fillRows(state.gates, 0, bsz, h4, state.bias);
            gemm.gemm(false, false, bsz, h4, inW, 1f, in, inOff, inW, w[l].value(), 0, h4, 1f, state.gates, 0, h4);
            gemm.gemm(false, false, bsz, h4, h, 1f, hs, 0, h, u[l].value(), 0, h4, 1f, state.gates, 0, h4);
            // h is consumed by the GEMM above, so the cell may overwrite it (and c) in place
            cell(state.gates, 0, cs, 0, cs, state.tanhC, hs, 0, bsz, h);
            in = hs;
            inOff = 0;
        }
        return state.h[layers - 1];
    }

    private Tape own(RecurrentStack.Tape tape) {
        if (tape instanceof Tape t && t.owner() == this) {
            return t;
        }
        throw new IllegalArgumentException("tape must come from newTape of LSTM stack " + name + ", got " + tape);
    }

    private StepState own(RecurrentStack.StepState state) {
        if (state instanceof StepState s && s.owner() == this) {
            return s;
        }
        throw new IllegalArgumentException("state must come from newStepState of LSTM stack " + name + ", got "
                + state);
    }

    /**
     * Buffers of one application of the stack to batches of {@code B} sequences of {@code T} steps: the activated
     * gates, cell states, {@code tanh} of the cell states and outputs stored by the forward pass, and the backward
     * scratch. Confined to one thread at a time.
     */
    public final class Tape implements RecurrentStack.Tape {
        private final int batch;
        private final int steps;
        private final Gemm gemm;
        private final float[] bias;
        private final float[][] gates;
        private final float[][] c;
        private final float[][] tanhC;
        private final float[][] out;
        private final float[] dPre;
        private final float[] carryH;
        private final float[] carryC;
        private final float[] dInput;
        private float[] dHidden;
        private float[] dHidden2;
        private float[] input;
        private int inputOff;

        private Tape(int batch, int steps, Gemm gemm) {
            requirePositive("batch", batch);
            requirePositive("steps", steps);
            this.batch = batch;
            this.steps = steps;
            this.gemm = Objects.requireNonNull(gemm, "gemm");
            int rows = batch * steps;
            this.bias = new float[4 * hidden];
            this.gates = new float[layers][rows * 4 * hidden];
            this.c = new float[layers][rows * hidden];
            this.tanhC = new float[layers][rows * hidden];
            this.out = new float[layers][rows * hidden];
            this.dPre = new float[rows * 4 * hidden];
            this.carryH = new float[batch * hidden];
            this.carryC = new float[batch * hidden];
            this.dInput = new float[rows * inputSize];
            this.dHidden = new float[layers > 1 ? rows * hidden : 0];
            this.dHidden2 = new float[layers > 1 ? rows * hidden : 0];
        }

        private LstmStack owner() {
            return LstmStack.this;
        }

        @Override
        public int batch() {
            return batch;
        }

        @Override
        public int steps() {
            return steps;
        }

        @Override
        public float[] output() {
            return out[layers - 1];
        }

        @Override
        public float[] inputGrad() {
            return dInput;
        }
    }

    /** Carried state ({@code h} and {@code c} per layer) of a set of endless streams, plus one step's scratch. */
    public final class StepState implements RecurrentStack.StepState {
        private final int streams;
        private final Gemm gemm;
        private final float[][] h;
        private final float[][] c;
        private final float[] bias;
        private final float[] gates;
        private final float[] tanhC;

        private StepState(int streams, Gemm gemm) {
            requirePositive("streams", streams);
            this.streams = streams;
            this.gemm = Objects.requireNonNull(gemm, "gemm");
            this.h = new float[layers][streams * hidden];
            this.c = new float[layers][streams * hidden];
            this.bias = new float[4 * hidden];
            this.gates = new float[streams * 4 * hidden];
            this.tanhC = new float[streams * hidden];
        }

        private LstmStack owner() {
            return LstmStack.this;
        }

        @Override
        public int streams() {
            return streams;
        }

        @Override
        public float[] layerState(int layer) {
            return h[layer];
        }

        /**
         * The live cell state of one layer.
         *
         * @param layer layer index, 0 at the bottom
         * @return its cell state {@code [streams][h]}, writable (e.g. to restore a snapshot)
         */
        public float[] cellState(int layer) {
            return c[layer];
        }

        @Override
        public void reset() {
            for (float[] s : h) {
                Arrays.fill(s, 0f);
            }
            for (float[] s : c) {
                Arrays.fill(s, 0f);
            }
        }
    }
}
