package io.tickforge.timegan.nn;

import java.util.random.RandomGenerator;

/** The recurrent cell of a {@link RecurrentStack}: a hyperparameter of every TimeGAN net. */
public enum RecurrentCell {
    /** TF1's {@code GRUCell}, the reference code's default ({@link GruStack}). */
    GRU {
        @Override
        public RecurrentStack newStack(String name, int inputSize, int hidden, int layers, GruInit init,
                RandomGenerator rng) {
            return new GruStack(name, inputSize, hidden, layers, init, rng);
        }
    },
    /** TF1's {@code BasicLSTMCell} / {@code LSTMCell} with forget bias 1.0 ({@link LstmStack}). */
    LSTM {
        @Override
        public RecurrentStack newStack(String name, int inputSize, int hidden, int layers, GruInit init,
                RandomGenerator rng) {
            return new LstmStack(name, inputSize, hidden, layers, init, rng);
        }
    };

    /**
     * Creates and initialises a stack of this cell.
     *
     * @param name prefix of the parameter names
     * @param inputSize features per input step
     * @param hidden layer width
     * @param layers number of layers
     * @param init initialisation scheme
     * @param rng seeded random source
     * @return the new stack
     */
    public abstract RecurrentStack newStack(String name, int inputSize, int hidden, int layers, GruInit init,
            RandomGenerator rng);

    /** @return the lower-case name used in parameter names and on command lines ({@code gru}, {@code lstm}) */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
