package io.tickforge.timegan.quality;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Index shuffling, mini-batch sampling and transposition into the engine's time-major layout. */
final class Batches {

    private Batches() {
    }

    /**
     * Seeds of {@code k} runs derived from one seed: run {@code r} gets the {@code r}-th draw of a
     * {@link SplittableRandom} seeded with {@code seed}, so run {@code r} does not depend on {@code k}.
     */
    static long[] runSeeds(long seed, int k) {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[k];
        for (int r = 0; r < k; r++) {
            seeds[r] = root.nextLong();
        }
        return seeds;
    }

    /** 0..n-1 in a uniformly random order (Fisher-Yates). */
    static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /**
     * Moves {@code count} distinct entries chosen uniformly from {@code pool} to its front (a partial Fisher-Yates
     * shuffle), as the reference's {@code batch_generator} draws a fresh random batch each iteration.
     */
    static void drawToFront(int[] pool, int count, RandomGenerator rng) {
        for (int b = 0; b < count; b++) {
            int j = b + rng.nextInt(pool.length - b);
            int tmp = pool[b];
            pool[b] = pool[j];
            pool[j] = tmp;
        }
    }

    /**
     * Copies sequences {@code ids[from .. from+count)} of {@code set}, steps {@code [step0, step0+steps)} and features
     * {@code [feature0, feature0+width)}, into {@code dest} as time-major {@code [steps][batch][width]}, at batch
     * columns {@code [col, col+count)}.
     */
    static void gather(SequenceSet set, int[] ids, int from, int count, int step0, int steps, int feature0, int width,
            float[] dest, int batch, int col) {
        float[] data = set.data();
        int d = set.features();
        int setSteps = set.steps();
        for (int b = 0; b < count; b++) {
            int base = ids[from + b] * setSteps;
            for (int t = 0; t < steps; t++) {
                System.arraycopy(data, (base + step0 + t) * d + feature0, dest, (t * batch + col + b) * width, width);
            }
        }
    }
}
