package io.tickforge.timegan.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Training produced a NaN or infinite loss or gradient norm. Thrown before the optimiser step that would have written
 * it into the weights, so the model keeps the weights of the last finite step; a diverged run must not be
 * checkpointed or published. The message names the phase, the iteration and the quantity, e.g.
 * {@code joint phase, iteration 1234: generator loss is NaN}.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Phase phase;
    private final int iteration;
    private final String quantity;
    private final double value;

    /**
     * Creates the exception.
     *
     * @param phase the running phase
     * @param iteration index within the phase, from 0, or -1 when the step was taken outside a training run
     * @param quantity what was not finite, e.g. {@code generator loss}
     * @param value its value (NaN or infinite)
     */
    public TrainingDivergedException(Phase phase, int iteration, String quantity, double value) {
        super(message(phase, iteration, quantity, value));
        this.phase = Objects.requireNonNull(phase, "phase");
        this.iteration = iteration;
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        this.value = value;
    }

    private static String message(Phase phase, int iteration, String quantity, double value) {
        return phase.name().toLowerCase(Locale.ROOT) + " phase" + (iteration >= 0 ? ", iteration " + iteration : "")
                + ": " + quantity + " is " + value;
    }

    /**
     * The same divergence located at an iteration of a training run.
     *
     * @param at index within the phase, from 0
     * @return a new exception naming the iteration
     */
    public TrainingDivergedException atIteration(int at) {
        TrainingDivergedException located = new TrainingDivergedException(phase, at, quantity, value);
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** @return the phase that diverged */
    public Phase phase() {
        return phase;
    }

    /** @return index of the iteration within its phase, or -1 when unknown */
    public int iteration() {
        return iteration;
    }

    /** @return the quantity that was not finite */
    public String quantity() {
        return quantity;
    }

    /** @return its value, NaN or infinite */
    public double value() {
        return value;
    }
}
