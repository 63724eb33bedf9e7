package io.tickforge.producer.synth.internal;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from the configured seed, so that each random path of each instrument has its own
 * stream: an instrument's records depend only on the seed, the model name and its number, never on how many other
 * instruments or models are served alongside it.
 */
public final class Seeds {

    /** The stream of generator noise. */
    public static final long NOISE = 1;
    /** The stream of tick paths, sizes and quotes. */
    public static final long TICKS = 2;
    /** The stream of the start price. */
    public static final long START = 3;

    private Seeds() {
    }

    /**
     * @param seed    the configured seed
     * @param model   the model name
     * @param index   the instrument's number
     * @param purpose which random path ({@link #NOISE}, {@link #TICKS}, {@link #START})
     * @return a seed for that path
     */
    public static long of(long seed, String model, long index, long purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : model.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        h = mix(h ^ index);
        return mix(h ^ purpose);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
