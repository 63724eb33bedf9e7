package io.tickforge.timegan.nn;

import io.tickforge.timegan.nn.internal.Kernels;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A stack of {@code L} GRU layers of width {@code h}, the body of every TimeGAN net, with explicit forward and
 * backward passes through time.
 *
 * <p>The cell is TF1's {@code GRUCell} (the reference code's cell), with the reset gate applied <em>before</em> the
 * candidate's recurrent product:
 * <pre>
 *   r  = sigmoid(x Wr + h Ur + br)
 *   z  = sigmoid(x Wz + h Uz + bz)          (TF1 calls it u, the update gate)
 *   c  = tanh(x Wc + (r * h) Uc + bc)
 *   h' = z * h + (1 - z) * c                 (TF1: new_h = u * state + (1 - u) * c)
 * </pre>
 * Per layer, {@code W = [Wr | Wz | Wc]} is {@code in x 3h}, {@code U = [Ur | Uz | Uc]} is {@code h x 3h} and
 * {@code b} is {@code 1 x 3h}. The initial state of a sequence is zero.
 *
 * <p>Cost model: the input projections {@code X W} of all time steps are one GEMM of {@code [T*B, in] x [in, 3h]}
 * and the weight gradients are one GEMM each over all time steps; only {@code h U} (two small GEMMs per step) is
 * sequential. All buffers live in a {@link Tape} (training) or a {@link StepState} (streaming), allocated once.
 *
 * <p>Sequences are time-major, {@code [T][B][features]} (see the package documentation).
 *
 * @see LstmStack the other {@link RecurrentStack}
 */
public final class GruStack extends GatedStack {

    /**
     * Creates a stack and initialises its weights.
     *
     * @param name prefix of the parameter names
     * @param inputSize features per time step of the input
     * @param hidden width {@code h} of every layer
     * @param layers number of layers {@code L}
     * @param init initialisation scheme
     * @param rng seeded random source; consumed in a fixed order (layer by layer, W then U)
     */
    public GruStack(String name, int inputSize, int hidden, int layers, GruInit init, RandomGenerator rng) {
        super(name, inputSize, hidden, layers, 3);
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(rng, "rng");
        for (int l = 0; l < layers; l++) {
            initLayer(l, layerInput(l), init, rng);
        }
    }

    private void initLayer(int l, int in, GruInit init, RandomGenerator rng) {
        int h = hidden;
        int h3 = 3 * h;
        float[] wv = w[l].value();
        float[] uv = u[l].value();
        switch (init) {
            case GLOROT_ORTHOGONAL -> {
                for (int g = 0; g < 3; g++) {
                    Init.glorotUniform(wv, g * h, in, h, h3, in, h, rng);
                }
                for (int g = 0; g < 3; g++) {
                    Init.orthogonal(uv, g * h, h, h3, 1.0, rng);
                }
            }
            case TF1_GRU_CELL -> {
                // gates kernel [(in + h) x 2h], rows of x first then rows of h; candidate kernel [(in + h) x h]
                Init.glorotUniform(wv, 0, in, 2 * h, h3, in + h, 2 * h, rng);
                Init.glorotUniform(uv, 0, h, 2 * h, h3, in + h, 2 * h, rng);
                Init.glorotUniform(wv, 2 * h, in, h, h3, in + h, h, rng);
                Init.glorotUniform(uv, 2 * h, h, h, h3, in + h, h, rng);
                Init.constant(b[l].value(), 0, 2 * h, 1f);
            }
            default -> throw new IllegalStateException("unknown init " + init);
        }
    }

    /**
     * Allocates the buffers of one application of this stack to batches of a fixed shape.
     *
     * @param batch sequences per batch B
     * @param steps time steps T
     * @param gemm matrix multiply used by passes on this tape (the tape's thread owns it)
     * @return a new tape
     */
    @Override
    public Tape newTape(int batch, int steps, Gemm gemm) {
        return new Tape(batch, steps, gemm);
    }

    /**
     * Allocates the carried state of {@code streams} endless streams, all starting from the zero state.
     *
     * @param streams number of parallel streams
     * @param gemm matrix multiply used by the steps
     * @return a new step state
     */
    @Override
    public StepState newStepState(int streams, Gemm gemm) {
        return new StepState(streams, gemm);
    }

    /**
     * Runs the stack over whole sequences from the zero state, storing what backward needs in the tape. The tape
     * keeps a reference to {@code x}: do not change it before {@link #backward}.
     *
     * @param x input, time-major {@code [T][B][inputSize]}
     * @param xOff index of the first input element
     * @param tape buffers of this application
     * @return the top layer's outputs, {@code [T][B][h]}, owned by the tape (index 0)
     */
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
        int h3 = 3 * h;
        int bsz = tape.batch;
        int steps = tape.steps;
        int in = l == 0 ? inputSize : h;
        float[] gates = tape.gates[l];
        float[] rh = tape.rh[l];
        float[] out = tape.out[l];
        float[] uv = u[l].value();
        Gemm gemm = tape.gemm;
        int rows = steps * bsz;
        Kernels.fillRows(gates, 0, rows, h3, b[l].value());
        gemm.gemm(false, false, rows, h3, in, 1f, x, xOff, in, w[l].value(), 0, h3, 1f, gates, 0, h3);
        for (int t = 0; t < steps; t++) {
            int gOff = t * bsz * h3;
            int hOff = t * bsz * h;
            int pOff = (t - 1) * bsz * h;
            if (t > 0) {
                gemm.gemm(false, false, bsz, 2 * h, h, 1f, out, pOff, h, uv, 0, h3, 1f, gates, gOff, h3);
            }
            cellGatesAndReset(gates, gOff, t > 0 ? out : null, pOff, rh, hOff, bsz, h);
            if (t > 0) {
                gemm.gemm(false, false, bsz, h, h, 1f, rh, hOff, h, uv, 2 * h, h3, 1f, gates, gOff + 2 * h, h3);
            }
            cellOutput(gates, gOff, t > 0 ? out : null, pOff, out, hOff, bsz, h);
        }
    }

    /** r, z = sigmoid(pre) in place; rh = r * hPrev (zero when hPrev is null). */
    private static void cellGatesAndReset(float[] gates, int gOff, float[] hPrev, int pOff, float[] rh, int rhOff,
            int bsz, int h) {
        int h3 = 3 * h;
        for (int i = 0; i < bsz; i++) {
            int g = gOff + i * h3;
            Kernels.sigmoidInPlace(gates, g, g + 2 * h);
            int o = rhOff + i * h;
            if (hPrev == null) {
                Arrays.fill(rh, o, o + h, 0f);
            } else {
                int p = pOff + i * h;
                for (int j = 0; j < h; j++) {
                    rh[o + j] = gates[g + j] * hPrev[p + j];
                }
            }
        }
    }

    /** c = tanh(pre) in place; h' = z * hPrev + (1 - z) * c. */
    private static void cellOutput(float[] gates, int gOff, float[] hPrev, int pOff, float[] out, int oOff, int bsz,
            int h) {
        int h3 = 3 * h;
        for (int i = 0; i < bsz; i++) {
            int g = gOff + i * h3;
            int o = oOff + i * h;
            int p = pOff + i * h;
            Kernels.tanhInPlace(gates, g + 2 * h, g + 3 * h);
            for (int j = 0; j < h; j++) {
                float c = gates[g + 2 * h + j];
                float z = gates[g + h + j];
                float hp = hPrev == null ? 0f : hPrev[p + j];
                out[o + j] = z * hp + (1f - z) * c;
            }
        }
    }

    /**
     * As {@link #backward(float[], int, Tape, boolean)}, optionally without the weight gradients: a net that only
     * passes a gradient through to another (the discriminator in a generator step) skips their GEMMs.
     *
     * @param dOut gradient with respect to the outputs, {@code [T][B][h]}; not modified
     * @param dOff index of its first element
     * @param tape the tape of the matching {@link #forward}
     * @param inputGrad whether to compute the input gradient
     * @param paramGrads whether to add the weight gradients into the parameters
     */
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
        int h3 = 3 * h;
        int bsz = tape.batch;
        int steps = tape.steps;
        int in = l == 0 ? inputSize : h;
        float[] gates = tape.gates[l];
        float[] rh = tape.rh[l];
        float[] out = tape.out[l];
        float[] dpre = tape.dPre;
        float[] carry = tape.carry;
        float[] drh = tape.dRh;
        float[] uv = u[l].value();
        Gemm gemm = tape.gemm;
        Arrays.fill(carry, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            int gOff = t * bsz * h3;
            int hOff = t * bsz * h;
            int pOff = (t - 1) * bsz * h;
            boolean first = t == 0;
            for (int i = 0; i < bsz; i++) {
                int g = gOff + i * h3;
                int o = i * h;
                int d = dOff + hOff + i * h;
                int p = pOff + i * h;
                for (int j = 0; j < h; j++) {
                    float dhj = dOut[d + j] + carry[o + j];
                    float z = gates[g + h + j];
                    float c = gates[g + 2 * h + j];
                    float hp = first ? 0f : out[p + j];
                    float dc = dhj * (1f - z);
                    dpre[g + 2 * h + j] = dc * (1f - c * c);
                    float dz = dhj * (hp - c);
                    dpre[g + h + j] = dz * z * (1f - z);
                    carry[o + j] = dhj * z;
                }
            }
            if (first) {
                // r only acts through r * hPrev, and hPrev = 0 at t = 0
                for (int i = 0; i < bsz; i++) {
                    Arrays.fill(dpre, gOff + i * h3, gOff + i * h3 + h, 0f);
                }
                break;
            }
            // d(r * hPrev) = dc_pre Uc^T
            gemm.gemm(false, true, bsz, h, h, 1f, dpre, gOff + 2 * h, h3, uv, 2 * h, h3, 0f, drh, 0, h);
            for (int i = 0; i < bsz; i++) {
                int g = gOff + i * h3;
                int o = i * h;
                int p = pOff + i * h;
                for (int j = 0; j < h; j++) {
                    float r = gates[g + j];
                    float hp = out[p + j];
                    float d = drh[o + j];
                    dpre[g + j] = d * hp * r * (1f - r);
                    carry[o + j] += d * r;
                }
            }
            // dhPrev += [dr_pre | dz_pre] [Ur | Uz]^T
            gemm.gemm(false, true, bsz, h, 2 * h, 1f, dpre, gOff, h3, uv, 0, h3, 1f, carry, 0, h);
        }
        int rows = steps * bsz;
        if (paramGrads) {
            float[] gW = w[l].grad();
            float[] gU = u[l].grad();
            gemm.gemm(true, false, in, h3, rows, 1f, x, xOff, in, dpre, 0, h3, 1f, gW, 0, h3);
            Kernels.addColumnSums(dpre, 0, rows, h3, h3, b[l].grad(), 0);
            if (steps > 1) {
                int shifted = (steps - 1) * bsz;
                gemm.gemm(true, false, h, 2 * h, shifted, 1f, out, 0, h, dpre, bsz * h3, h3, 1f, gU, 0, h3);
            }
            gemm.gemm(true, false, h, h, rows, 1f, rh, 0, h, dpre, 2 * h, h3, 1f, gU, 2 * h, h3);
        }
        if (dx != null) {
            gemm.gemm(false, true, rows, in, h3, 1f, dpre, 0, h3, w[l].value(), 0, h3, 0f, dx, 0, in);
        }
    }

    /**
     * Advances every stream by one time step from its carried state (zero at creation or after
     * {@link StepState#reset()}). Stepping T times gives the same outputs as {@link #forward} over the T steps.
     *
     * @param x one time step of input, {@code [streams][inputSize]}
     * @param xOff index of its first element
     * @param state carried state, updated in place
     * @return the top layer's new state {@code [streams][h]}, owned by the state object (index 0)
     */
    @Override
    public float[] forwardStep(float[] x, int xOff, RecurrentStack.StepState anyState) {
        StepState state = own(anyState);
        int h = hidden;
        int h3 = 3 * h;
        int bsz = state.streams;
        Gemm gemm = state.gemm;
        float[] in = x;
        int inOff = xOff;
        for (int l = 0; l < layers; l++) {
            int inW = l == 0 ? inputSize : h;
            float[] hs = state.h[l];
            float[] uv = u[l].value();
            Kernels.fillRows(state.gates, 0, bsz, h3, b[l].value());
            gemm.gemm(false, false, bsz, h3, inW, 1f, in, inOff, inW, w[l].value(), 0, h3, 1f, state.gates, 0, h3);
            gemm.gemm(false, false, bsz, 2 * h, h, 1f, hs, 0, h, uv, 0, h3, 1f, state.gates, 0, h3);
            cellGatesAndReset(state.gates, 0, hs, 0, state.rh, 0, bsz, h);
            gemm.gemm(false, false, bsz, h, h, 1f, state.rh, 0, h, uv, 2 * h, h3, 1f, state.gates, 2 * h, h3);
            cellOutput(state.gates, 0, hs, 0, state.next, 0, bsz, h);
            System.arraycopy(state.next, 0, hs, 0, bsz * h);
            in = hs;
            inOff = 0;
        }
        return state.h[layers - 1];
    }

    private Tape own(RecurrentStack.Tape tape) {
        if (tape instanceof Tape t && t.owner() == this) {
            return t;
        }
        throw new IllegalArgumentException("tape must come from newTape of GRU stack " + name + ", got " + tape);
    }

    private StepState own(RecurrentStack.StepState state) {
        if (state instanceof StepState s && s.owner() == this) {
            return s;
        }
        throw new IllegalArgumentException("state must come from newStepState of GRU stack " + name + ", got "
                + state);
    }

    /**
     * Buffers of one application of the stack to batches of {@code B} sequences of {@code T} steps: the
     * activations stored by the forward pass for back-propagation through time, and the backward scratch.
     * Confined to one thread at a time.
     */
    public final class Tape implements RecurrentStack.Tape {
        private final int batch;
        private final int steps;
        private final Gemm gemm;
        private final float[][] gates;
        private final float[][] rh;
        private final float[][] out;
        private final float[] dPre;
        private final float[] carry;
        private final float[] dRh;
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
            this.gates = new float[layers][rows * 3 * hidden];
            this.rh = new float[layers][rows * hidden];
            this.out = new float[layers][rows * hidden];
            this.dPre = new float[rows * 3 * hidden];
            this.carry = new float[batch * hidden];
            this.dRh = new float[batch * hidden];
            this.dInput = new float[rows * inputSize];
            this.dHidden = new float[layers > 1 ? rows * hidden : 0];
            this.dHidden2 = new float[layers > 1 ? rows * hidden : 0];
        }

        private GruStack owner() {
            return GruStack.this;
        }

        /** @return sequences per batch */
        @Override
        public int batch() {
            return batch;
        }

        /** @return time steps per sequence */
        @Override
        public int steps() {
            return steps;
        }

        /** @return the top layer's outputs of the last forward, {@code [T][B][h]} */
        @Override
        public float[] output() {
            return out[layers - 1];
        }

        /** @return the input gradient of the last backward, {@code [T][B][inputSize]} */
        @Override
        public float[] inputGrad() {
            return dInput;
        }
    }

    /** Carried recurrent state of a set of endless streams, plus the scratch of one step. */
    public final class StepState implements RecurrentStack.StepState {
        private final int streams;
        private final Gemm gemm;
        private final float[][] h;
        private final float[] gates;
        private final float[] rh;
        private final float[] next;

        private StepState(int streams, Gemm gemm) {
            requirePositive("streams", streams);
            this.streams = streams;
            this.gemm = Objects.requireNonNull(gemm, "gemm");
            this.h = new float[layers][streams * hidden];
            this.gates = new float[streams * 3 * hidden];
            this.rh = new float[streams * hidden];
            this.next = new float[streams * hidden];
        }

        private GruStack owner() {
            return GruStack.this;
        }

        /** @return number of streams */
        @Override
        public int streams() {
            return streams;
        }

        /**
         * The live state of one layer.
         *
         * @param layer layer index, 0 at the bottom
         * @return its state {@code [streams][h]}, writable (e.g. to restore a snapshot)
         */
        @Override
        public float[] layerState(int layer) {
            return h[layer];
        }

        /** Sets every stream back to the zero state. */
        @Override
        public void reset() {
            for (float[] s : h) {
                Arrays.fill(s, 0f);
            }
        }
    }
}
