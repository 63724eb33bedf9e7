package io.tickforge.timegan.nn;

/**
 * How a {@link RecurrentStack}'s weights are initialised. Biases are biases of the pre-activations {@code x W + b}.
 * Named for the GRU, the reference cell; {@link LstmStack} reads each scheme for its four gates (see its
 * constructor).
 */
public enum GruInit {
    /**
     * Glorot uniform input weights {@code W} (fan-in {@code in}, fan-out {@code h} per gate), an orthogonal
     * {@code h x h} block per gate for the recurrent weights {@code U}, all biases zero. The engine's default.
     */
    GLOROT_ORTHOGONAL,
    /**
     * What the reference code gets from TF1's {@code GRUCell} defaults: one Glorot uniform kernel over the
     * concatenated {@code [x, h]} input for the two gates ({@code (in + h) x 2h}) and one for the candidate
     * ({@code (in + h) x h}), gate biases 1 and candidate bias 0.
     */
    TF1_GRU_CELL
}
