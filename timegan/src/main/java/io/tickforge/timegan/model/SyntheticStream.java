package io.tickforge.timegan.model;

import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.RecurrentNet;
import io.tickforge.timegan.nn.RecurrentStack;
import java.util.Objects;

/**
 * Endless synthetic series: the generator, supervisor and recovery advanced one time step at a time with their
 * recurrent states carried, {@code x_t = R(S(G(z_t)))}, for a set of independent streams. The first T steps equal
 * {@link TimeGan#generate} on the same noise (the three nets are causal); after T steps the streams simply go on,
 * which is what a fixed-window sampler cannot do.
 *
 * <p>The stream reads the model's weights live: a trained model must not be updated while it is sampled (hot swaps
 * build a new stream). Allocated once; no allocation per step; confined to one thread.
 */
public final class SyntheticStream {

    private final int streams;
    private final int features;
    private final RecurrentNet generator;
    private final RecurrentNet supervisor;
    private final RecurrentNet recovery;
    private final RecurrentStack.StepState gState;
    private final RecurrentStack.StepState sState;
    private final RecurrentStack.StepState rState;
    private final Gemm gemm;
    private final float[] eHat;
    private final float[] hHat;
    private final float[] x;

    /**
     * Creates {@code streams} streams, all at the zero state.
     *
     * @param model the trained model
     * @param streams number of parallel streams
     * @param gemm matrix multiply of this stream's thread
     */
    public SyntheticStream(TimeGan model, int streams, Gemm gemm) {
        Objects.requireNonNull(model, "model");
        this.gemm = Objects.requireNonNull(gemm, "gemm");
        if (streams <= 0) {
            throw new IllegalArgumentException("streams must be positive, got " + streams);
        }
        this.streams = streams;
        this.features = model.config().features();
        int h = model.config().hidden();
        this.generator = model.generator();
        this.supervisor = model.supervisor();
        this.recovery = model.recovery();
        this.gState = generator.body().newStepState(streams, gemm);
        this.sState = supervisor.body().newStepState(streams, gemm);
        this.rState = recovery.body().newStepState(streams, gemm);
        this.eHat = new float[streams * h];
        this.hHat = new float[streams * h];
        this.x = new float[streams * features];
    }

    /** @return number of streams */
    public int streams() {
        return streams;
    }

    /**
     * Advances every stream by one step.
     *
     * @param z noise for this step, {@code [streams][d]} in U[0, 1)
     * @return the next values {@code [streams][d]} in the scaled space, owned by this object (valid until the next
     *     call)
     */
    public float[] step(float[] z) {
        Objects.requireNonNull(z, "z");
        if (z.length != streams * features) {
            throw new IllegalArgumentException("z must hold streams*d = " + streams * features + " values, got "
                    + z.length);
        }
        float[] g = generator.body().forwardStep(z, 0, gState);
        generator.head().apply(g, 0, streams, eHat, 0, gemm);
        float[] s = supervisor.body().forwardStep(eHat, 0, sState);
        supervisor.head().apply(s, 0, streams, hHat, 0, gemm);
        float[] r = recovery.body().forwardStep(hHat, 0, rState);
        recovery.head().apply(r, 0, streams, x, 0, gemm);
        return x;
    }

    /** Sets every stream back to the zero state. */
    public void reset() {
        gState.reset();
        sState.reset();
        rState.reset();
    }
}
