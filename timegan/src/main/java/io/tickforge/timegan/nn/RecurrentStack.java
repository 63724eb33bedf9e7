package io.tickforge.timegan.nn;

import java.util.List;

/**
 * A stack of recurrent layers with explicit forward and backward passes through time: the body of every TimeGAN net.
 * Implemented by {@link GruStack} and {@link LstmStack}; {@link RecurrentNet}, the model and the streaming sampler
 * see only this interface, so the cell is a hyperparameter ({@link RecurrentCell}).
 *
 * <p>Sequences are time-major, {@code [T][B][features]}, and every sequence starts from the zero state. A stack owns
 * its {@link Param}s; each application of it to a batch shape owns a {@link Tape}, and each set of endless streams a
 * {@link StepState}, both allocated once and confined to one thread. A tape or step state must come from the stack it
 * is passed to.
 */
public interface RecurrentStack {

    /** @return the name prefix of the parameters */
    String name();

    /** @return features per input time step */
    int inputSize();

    /** @return layer width h, the width of the output */
    int hidden();

    /** @return number of layers */
    int layers();

    /** @return all parameters, layer by layer, in a fixed order */
    List<Param> params();

    /**
     * Allocates the buffers of one application of this stack to batches of a fixed shape.
     *
     * @param batch sequences per batch B
     * @param steps time steps T
     * @param gemm matrix multiply used by passes on this tape (the tape's thread owns it)
     * @return a new tape
     */
    Tape newTape(int batch, int steps, Gemm gemm);

    /**
     * Allocates the carried state of {@code streams} endless streams, all starting from the zero state.
     *
     * @param streams number of parallel streams
     * @param gemm matrix multiply used by the steps
     * @return a new step state
     */
    StepState newStepState(int streams, Gemm gemm);

    /**
     * Runs the stack over whole sequences from the zero state, storing what backward needs in the tape. The tape
     * keeps a reference to {@code x}: do not change it before {@link #backward}.
     *
     * @param x input, time-major {@code [T][B][inputSize]}
     * @param xOff index of the first input element
     * @param tape buffers of this application, from {@link #newTape} of this stack
     * @return the top layer's outputs, {@code [T][B][h]}, owned by the tape (index 0)
     */
    float[] forward(float[] x, int xOff, Tape tape);

    /**
     * Back-propagates through time the gradient of a loss with respect to the top layer's outputs, adding the
     * weight gradients into the {@link Param#grad()} arrays and, when asked, writing the gradient with respect to
     * the input into {@link Tape#inputGrad()}.
     *
     * @param dOut gradient with respect to the outputs, {@code [T][B][h]}; not modified
     * @param dOff index of its first element
     * @param tape the tape of the matching {@link #forward}
     * @param inputGrad whether to compute the input gradient
     */
    default void backward(float[] dOut, int dOff, Tape tape, boolean inputGrad) {
        backward(dOut, dOff, tape, inputGrad, true);
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
    void backward(float[] dOut, int dOff, Tape tape, boolean inputGrad, boolean paramGrads);

    /**
     * Advances every stream by one time step from its carried state (zero at creation or after
     * {@link StepState#reset()}). Stepping T times gives the same outputs as {@link #forward} over the T steps.
     *
     * @param x one time step of input, {@code [streams][inputSize]}
     * @param xOff index of its first element
     * @param state carried state from {@link #newStepState} of this stack, updated in place
     * @return the top layer's new output {@code [streams][h]}, owned by the state object (index 0)
     */
    float[] forwardStep(float[] x, int xOff, StepState state);

    /** Buffers of one application of a stack to batches of {@code B} sequences of {@code T} steps. */
    interface Tape {
        /** @return sequences per batch */
        int batch();

        /** @return time steps per sequence */
        int steps();

        /** @return the top layer's outputs of the last forward, {@code [T][B][h]} */
        float[] output();

        /** @return the input gradient of the last backward that asked for it, {@code [T][B][inputSize]} */
        float[] inputGrad();
    }

    /** Carried recurrent state of a set of endless streams, plus the scratch of one step. */
    interface StepState {
        /** @return number of streams */
        int streams();

        /**
         * The live output state {@code h} of one layer (an LSTM also carries a cell state, see
         * {@link LstmStack.StepState#cellState(int)}).
         *
         * @param layer layer index, 0 at the bottom
         * @return its state {@code [streams][h]}, writable (e.g. to restore a snapshot)
         */
        float[] layerState(int layer);

        /** Sets every stream back to the zero state. */
        void reset();
    }
}
