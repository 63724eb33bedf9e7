package io.tickforge.timegan.train;

import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.quality.DiscriminativeMetric;
import io.tickforge.timegan.quality.QualityConfig;
import io.tickforge.timegan.quality.SequenceSet;
import io.tickforge.timegan.sample.Sampler;
import io.tickforge.timegan.train.SelectionReport.Check;
import io.tickforge.timegan.train.SelectionReport.Weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Carries out a {@link SelectionConfig} on one training run's model: scores snapshots, keeps the best, re-scores
 * them and installs the winner. Confined to the training thread; reads the model's weights between iterations and
 * writes them only to score the weight average (put back exactly afterwards) and to install the winner.
 */
final class SnapshotSelector {

    private static final Comparator<Kept> BEST_FIRST = Comparator.comparingDouble((Kept k) -> k.check.discriminative())
            // a tie goes to the later snapshot: more training
            .thenComparing(Comparator.comparingInt((Kept k) -> k.check.iteration()).reversed())
            .thenComparing(k -> k.check.weights());

    private final TimeGan model;
    private final SelectionConfig config;
    private final SequenceSet reference;
    private final String referenceName;
    private final Sampler sampler;
    private final MinMaxScaler scaler;
    private final DiscriminativeMetric checkMetric;
    private final DiscriminativeMetric finalMetric;
    private final long sampleSeed;
    private final long checkSeed;
    private final long finalSeed;
    private final List<Check> checks = new ArrayList<>();
    private final List<Kept> kept = new ArrayList<>();
    private long nanos;

    private record Kept(Check check, float[][] weights) {
    }

    /**
     * @param model the model being trained
     * @param config the selection settings
     * @param reference the real windows to compare with, scaled
     * @param referenceName {@code validation} or {@code training}, for the report
     * @param scaler the data's scaler
     * @param featureNames the data's feature names
     * @param gemm the matrix multiply (the training thread's)
     * @param seed the training seed, from which selection's own seeds derive
     */
    SnapshotSelector(TimeGan model, SelectionConfig config, SequenceSet reference, String referenceName,
            MinMaxScaler scaler, List<String> featureNames, Gemm gemm, long seed) {
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.referenceName = Objects.requireNonNull(referenceName, "referenceName");
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.sampler = new Sampler(model, scaler, featureNames, gemm);
        QualityConfig paper = QualityConfig.paper();
        this.checkMetric = new DiscriminativeMetric(
                paper.withBudget(config.classifierIterations(), paper.predictiveIterations(), config.repeats()), gemm);
        this.finalMetric = new DiscriminativeMetric(
                paper.withBudget(config.classifierIterations(), paper.predictiveIterations(), config.finalRepeats()),
                gemm);
        // distinct from the run's seed (weights), seed + 1 (batches), + 2 (validation), + 3 and + 4 (scoring)
        this.sampleSeed = seed + 5;
        this.checkSeed = seed + 6;
        this.finalSeed = seed + 7;
    }

    /**
     * Real windows to compare snapshots with: the first {@code config.windows()} of {@code windows} (which the
     * dataset has shuffled, or sliced in order for a chronological hold-out).
     *
     * @param values windows as {@code [window][step][feature]}, scaled
     * @param count windows in {@code values}
     * @param steps steps per window
     * @param features features per step
     * @param config the selection settings
     * @return the reference set
     */
    static SequenceSet referenceOf(float[] values, int count, int steps, int features, SelectionConfig config) {
        int n = Math.min(count, config.windows());
        float[] head = Arrays.copyOf(values, n * steps * features);
        return SequenceSet.of(head, steps, features);
    }

    /**
     * Scores the model as it is after {@code iteration} joint iterations, and its weight average when one is kept.
     *
     * @param iteration joint iterations done, 1-based
     */
    void check(int iteration) {
        long start = System.nanoTime();
        consider(iteration, Weights.ITERATE, null);
        float[][] average = model.averagedGenerativeWeights();
        if (average != null) {
            float[][] iterate = model.generativeWeights();
            model.setGenerativeWeights(average);
            try {
                consider(iteration, Weights.AVERAGE, average);
            } finally {
                model.setGenerativeWeights(iterate);
            }
        }
        nanos += System.nanoTime() - start;
    }

    /**
     * Scores the trained model after the joint phase's last iteration: the weights in use (the average, when one was
     * kept and applied) and, when they are an average, the last iterate too.
     *
     * @param iteration joint iterations done
     */
    void checkLast(int iteration) {
        long start = System.nanoTime();
        float[][] lastIterate = model.lastIterateGenerativeWeights();
        if (lastIterate == null) {
            consider(iteration, Weights.ITERATE, null);
        } else {
            float[][] average = model.generativeWeights();
            try {
                consider(iteration, Weights.AVERAGE, average);
                model.setGenerativeWeights(lastIterate);
                consider(iteration, Weights.ITERATE, lastIterate);
            } finally {
                model.setGenerativeWeights(average);
            }
        }
        nanos += System.nanoTime() - start;
    }

    /**
     * The final round: re-scores the finalists with fresh classifier runs and gives the model the best one's
     * weights.
     *
     * @return what was seen and chosen
     * @throws IllegalStateException when no snapshot was scored
     */
    SelectionReport finish() {
        if (kept.isEmpty()) {
            throw new IllegalStateException("no snapshot was scored");
        }
        long start = System.nanoTime();
        List<Kept> rescored = new ArrayList<>();
        for (Kept k : kept) {
            model.setGenerativeWeights(k.weights);
            double score = finalMetric.score(reference, synthetic(), finalSeed).mean();
            rescored.add(new Kept(new Check(k.check.iteration(), k.check.weights(), score), k.weights));
        }
        rescored.sort(BEST_FIRST);
        Kept best = rescored.get(0);
        model.setGenerativeWeights(best.weights);
        nanos += System.nanoTime() - start;
        return new SelectionReport(referenceName, reference.n(), checks, rescored.stream().map(Kept::check).toList(),
                best.check, nanos / 1e9);
    }

    private void consider(int iteration, Weights weights, float[][] snapshot) {
        double score = checkMetric.score(reference, synthetic(), checkSeed).mean();
        Check check = new Check(iteration, weights, score);
        checks.add(check);
        Kept candidate = new Kept(check, null);
        if (kept.size() < config.finalists() || BEST_FIRST.compare(candidate, kept.get(kept.size() - 1)) < 0) {
            kept.add(new Kept(check, snapshot != null ? snapshot : model.generativeWeights()));
            kept.sort(BEST_FIRST);
            if (kept.size() > config.finalists()) {
                kept.remove(kept.size() - 1);
            }
        }
    }

    private SequenceSet synthetic() {
        return SequenceSet.of(sampler.windows(reference.n(), sampleSeed).scaled(scaler), reference.steps(),
                reference.features());
    }
}
