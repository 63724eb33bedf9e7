package io.tickforge.timegan.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a GRU and an LSTM stack share: {@code L} layers of width {@code h}, each with an input kernel {@code W}
 * ({@code in x gates*h}), a recurrent kernel {@code U} ({@code h x gates*h}) and a bias {@code b} ({@code 1 x gates*h}),
 * named {@code <name>.<layer>.W|U|b}. The cells' passes and initialisation stay in the subclasses; this class only
 * owns the parameters and the shape, so the two stacks cannot drift apart in how they name or order them.
 */
abstract class GatedStack implements RecurrentStack {

    /** Prefix of the parameter names. */
    final String name;
    /** Features per time step of the input. */
    final int inputSize;
    /** Width h of every layer. */
    final int hidden;
    /** Number of layers L. */
    final int layers;
    /** Input kernels, one per layer. */
    final Param[] w;
    /** Recurrent kernels, one per layer. */
    final Param[] u;
    /** Biases, one per layer. */
    final Param[] b;
    private final List<Param> params;

    /**
     * Allocates the parameters, all zero; the subclass initialises them.
     *
     * @param name prefix of the parameter names
     * @param inputSize features per time step of the input
     * @param hidden width {@code h} of every layer
     * @param layers number of layers {@code L}
     * @param gates gate blocks per kernel (3 for a GRU, 4 for an LSTM)
     */
    GatedStack(String name, int inputSize, int hidden, int layers, int gates) {
        this.name = Objects.requireNonNull(name, "name");
        requirePositive("inputSize", inputSize);
        requirePositive("hidden", hidden);
        requirePositive("layers", layers);
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = layers;
        this.w = new Param[layers];
        this.u = new Param[layers];
        this.b = new Param[layers];
        List<Param> all = new ArrayList<>();
        int width = gates * hidden;
        for (int l = 0; l < layers; l++) {
            w[l] = new Param(name + "." + l + ".W", layerInput(l), width);
            u[l] = new Param(name + "." + l + ".U", hidden, width);
            b[l] = new Param(name + "." + l + ".b", 1, width);
            all.add(w[l]);
            all.add(u[l]);
            all.add(b[l]);
        }
        this.params = List.copyOf(all);
    }

    static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    /**
     * @param layer a layer index
     * @return the features its input has: the stack's input for layer 0, {@code h} above
     */
    final int layerInput(int layer) {
        return layer == 0 ? inputSize : hidden;
    }

    /** @return the name prefix of the parameters */
    @Override
    public final String name() {
        return name;
    }

    /** @return features per input time step */
    @Override
    public final int inputSize() {
        return inputSize;
    }

    /** @return layer width h */
    @Override
    public final int hidden() {
        return hidden;
    }

    /** @return number of layers */
    @Override
    public final int layers() {
        return layers;
    }

    /** @return all parameters, layer by layer, each as W, U, b */
    @Override
    public final List<Param> params() {
        return params;
    }
}
