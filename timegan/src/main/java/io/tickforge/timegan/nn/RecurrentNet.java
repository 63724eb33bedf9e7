package io.tickforge.timegan.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A TimeGAN net: a {@link RecurrentStack} (GRU or LSTM, see {@link RecurrentCell}) followed by a {@link Dense} head applied at every time step. Maps a time-major
 * sequence batch {@code [T][B][in]} to {@code [T][B][out]}.
 */
public final class RecurrentNet {

    private final String name;
    private final RecurrentStack body;
    private final Dense head;
    private final List<Param> params;

    /**
     * Creates and initialises a net with a GRU body.
     *
     * @param name parameter-name prefix (e.g. {@code embedder})
     * @param inputSize input features
     * @param hidden GRU width
     * @param layers GRU layers
     * @param outputSize head outputs
     * @param activation head activation
     * @param init GRU initialisation scheme
     * @param rng seeded random source
     */
    public RecurrentNet(String name, int inputSize, int hidden, int layers, int outputSize, Activation activation,
            GruInit init, RandomGenerator rng) {
        this(name, RecurrentCell.GRU, inputSize, hidden, layers, outputSize, activation, init, rng);
    }

    /**
     * Creates and initialises a net. The random source is consumed by the body first, then the head. The body's
     * parameters are named {@code <name>.<cell>.<layer>.<W|U|b>} (e.g. {@code embedder.gru.0.W}).
     *
     * @param name parameter-name prefix (e.g. {@code embedder})
     * @param cell recurrent cell of the body
     * @param inputSize input features
     * @param hidden recurrent width
     * @param layers recurrent layers
     * @param outputSize head outputs
     * @param activation head activation
     * @param init recurrent initialisation scheme
     * @param rng seeded random source
     */
    public RecurrentNet(String name, RecurrentCell cell, int inputSize, int hidden, int layers, int outputSize,
            Activation activation, GruInit init, RandomGenerator rng) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cell, "cell");
        this.body = cell.newStack(name + "." + cell.label(), inputSize, hidden, layers, init, rng);
        this.head = new Dense(name + ".head", hidden, outputSize, activation, rng);
        List<Param> all = new ArrayList<>(body.params());
        all.addAll(head.params());
        this.params = List.copyOf(all);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the recurrent body */
    public RecurrentStack body() {
        return body;
    }

    /** @return the per-step head */
    public Dense head() {
        return head;
    }

    /** @return the body's parameters, then the head's */
    public List<Param> params() {
        return params;
    }

    /** Sets every gradient of this net to zero. */
    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    /**
     * Allocates the buffers of one application of the net.
     *
     * @param batch sequences per batch
     * @param steps time steps
     * @param gemm matrix multiply of this tape
     * @return a new tape
     */
    public Tape newTape(int batch, int steps, Gemm gemm) {
        return new Tape(body.newTape(batch, steps, gemm), head.newTape(batch * steps, gemm));
    }

    /**
     * Runs the net; the tape keeps a reference to {@code x} until backward.
     *
     * @param x input {@code [T][B][in]}
     * @param xOff index of its first element
     * @param tape buffers of this application
     * @return output {@code [T][B][out]}, owned by the tape
     */
    public float[] forward(float[] x, int xOff, Tape tape) {
        float[] h = body.forward(x, xOff, tape.body);
        return head.forward(h, 0, tape.head);
    }

    /**
     * Back-propagates {@code dY} through head and body, adding into the parameter gradients.
     *
     * @param dY gradient with respect to the output, {@code [T][B][out]}
     * @param dOff index of its first element
     * @param tape the tape of the matching forward
     * @param inputGrad whether the input gradient is needed (chaining into another net)
     * @return the input gradient {@code [T][B][in]} owned by the tape, or null when not asked for
     */
    public float[] backward(float[] dY, int dOff, Tape tape, boolean inputGrad) {
        return backward(dY, dOff, tape, inputGrad, true);
    }

    /**
     * As {@link #backward(float[], int, Tape, boolean)}, optionally without weight gradients (when the net only
     * passes a gradient through, e.g. the discriminator and recovery in a generator step).
     *
     * @param dY gradient with respect to the output, {@code [T][B][out]}
     * @param dOff index of its first element
     * @param tape the tape of the matching forward
     * @param inputGrad whether the input gradient is needed
     * @param paramGrads whether to add into the parameter gradients
     * @return the input gradient owned by the tape, or null when not asked for
     */
    public float[] backward(float[] dY, int dOff, Tape tape, boolean inputGrad, boolean paramGrads) {
        float[] dh = head.backward(dY, dOff, tape.head, paramGrads);
        body.backward(dh, 0, tape.body, inputGrad, paramGrads);
        return inputGrad ? tape.body.inputGrad() : null;
    }

    /** Buffers of one application of a {@link RecurrentNet}. */
    public static final class Tape {
        private final RecurrentStack.Tape body;
        private final Dense.Tape head;

        private Tape(RecurrentStack.Tape body, Dense.Tape head) {
            this.body = body;
            this.head = head;
        }

        /** @return the output of the last forward */
        public float[] output() {
            return head.output();
        }

        /** @return the input gradient of the last backward that asked for it */
        public float[] inputGrad() {
            return body.inputGrad();
        }
    }
}
