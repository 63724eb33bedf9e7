package io.tickforge.timegan.train;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.model.JointLosses;
import io.tickforge.timegan.model.Phase;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.model.TrainingProgress;
import io.tickforge.timegan.model.TrainingRun;
import io.tickforge.timegan.model.ValidationConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.Param;
import io.tickforge.timegan.quality.QualityConfig;
import io.tickforge.timegan.quality.QualityEvaluator;
import io.tickforge.timegan.quality.QualityReport;
import io.tickforge.timegan.quality.SequenceSet;
import io.tickforge.timegan.sample.SampleSet;
import io.tickforge.timegan.sample.Sampler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Trains one TimeGAN on a {@link Dataset} and packages the result as a {@link Checkpoint} with a
 * {@link TrainingReport}: the three phases with held-out validation, wall time per iteration, and optionally the
 * paper's quality scores of the trained model against the held-out (or training) windows, stored in the
 * checkpoint's metadata. The same dataset, config and seed give a bit-identical model.
 *
 * <p>{@link #run(Dataset, TimeGanConfig, String, QualityConfig, Consumer)} trains a first model from a file;
 * {@link #run(Dataset, TimeGanConfig, TimeGan, Provenance, QualityConfig, Consumer)} takes the caller's
 * {@link Provenance} (name, version, feature transform, data window) and may warm-start from an existing model's
 * weights, which is how the trainer service retrains.
 *
 * <p>By default the model is the joint phase's last one (or its weight average, see
 * {@link TimeGanConfig#emaDecay()}), as in the reference. {@link #withSelection(SelectionConfig)} makes the job keep
 * instead the snapshot a post-hoc classifier finds hardest to tell from real windows; the
 * {@link TrainingReport#selection()} says which and why.
 */
public final class TrainingJob {
    private final Clock clock;
    private final Gemm gemm;
    private final String tickforgeVersion;
    private final SelectionConfig selection;

    /**
     * @param clock            the clock for the checkpoint's creation time
     * @param gemm             the matrix multiply to train with
     * @param tickforgeVersion the version written into checkpoints
     */
    public TrainingJob(Clock clock, Gemm gemm, String tickforgeVersion) {
        this(clock, gemm, tickforgeVersion, null);
    }

    private TrainingJob(Clock clock, Gemm gemm, String tickforgeVersion, SelectionConfig selection) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gemm = Objects.requireNonNull(gemm, "gemm");
        this.tickforgeVersion = Objects.requireNonNull(tickforgeVersion, "tickforgeVersion");
        this.selection = selection;
    }

    /**
     * A job like this one that selects, among the joint phase's snapshots, the one a post-hoc classifier finds
     * hardest to tell from real windows (see {@link SelectionConfig}).
     *
     * @param config the selection settings, or null to keep the last model
     * @return the new job
     */
    public TrainingJob withSelection(SelectionConfig config) {
        return new TrainingJob(clock, gemm, tickforgeVersion, config);
    }

    /** The outcome: the model file's content and the report. */
    public record Result(Checkpoint checkpoint, TrainingReport report) {
    }

    /**
     * A cold training of a first model: version 1, transform {@code levels}, and a data window of the dataset's rows
     * timed at the training's end (files have no timestamps).
     *
     * @param data      the data
     * @param config    hyperparameters, cell, iterations per phase and seed
     * @param modelName the name the checkpoint carries
     * @param quality   quality scoring after training, or null to skip it
     * @param listener  called after every iteration, e.g. for a progress bar
     * @return the checkpoint and the report
     * @throws io.tickforge.timegan.model.TrainingDivergedException when a loss becomes NaN or infinite
     */
    public Result run(Dataset data, TimeGanConfig config, String modelName, QualityConfig quality,
                      Consumer<TrainingProgress> listener) {
        return train(data, config, null, quality, listener, now -> new Provenance(modelName, 1, "levels",
                // files without timestamps: the rows are exact in the checkpoint's provenance, the time range is
                // the training time
                new ModelMetadata.DataWindow(data.provenance().rows(), now, now, List.of())));
    }

    /**
     * A training with the caller's provenance, cold or warm-started from an existing model.
     *
     * <p>A warm start copies {@code initial}'s weights into a new model built from {@code config} and trains that
     * copy for {@code config.iterationsPerPhase()} iterations of each phase, with the batches and noise of
     * {@code config.seed()}; {@code initial} is only read, never changed. The five optimisers start afresh (zero
     * moments, step 0): checkpoints published without optimiser state have none to continue from, and a retrain
     * on new data is a new optimisation problem anyway. The architecture must match (features, hidden units,
     * layers, cell); steps, batch, optimiser settings and seed may differ.
     *
     * @param data       the data
     * @param config     hyperparameters, cell, iterations per phase and seed
     * @param initial    the model to start from, or null for a cold start from {@code config.seed()}'s weights
     * @param provenance the checkpoint's name, version, feature transform and data window; the window's rows must
     *                   equal the dataset's
     * @param quality    quality scoring after training, or null to skip it
     * @param listener   called after every iteration (e.g. for progress, or to cancel by throwing)
     * @return the checkpoint (with optimiser state; a caller that publishes it may re-wrap it without) and the report
     * @throws io.tickforge.timegan.model.TrainingDivergedException when a loss becomes NaN or infinite
     * @throws IllegalArgumentException when {@code initial}'s architecture differs from {@code config}'s, or the
     *     data window's rows differ from the dataset's
     */
    public Result run(Dataset data, TimeGanConfig config, TimeGan initial, Provenance provenance,
                      QualityConfig quality, Consumer<TrainingProgress> listener) {
        Objects.requireNonNull(provenance, "provenance");
        if (provenance.dataWindow().rows() != data.provenance().rows()) {
            throw new IllegalArgumentException("provenance.dataWindow.rows must equal the dataset's "
                    + data.provenance().rows() + " rows, got " + provenance.dataWindow().rows());
        }
        return train(data, config, initial, quality, listener, now -> provenance);
    }

    /**
     * A new model with {@code config} and a copy of {@code initial}'s weights.
     *
     * @param initial the model to copy, only read
     * @param config  the new model's config; its architecture must match {@code initial}'s
     * @param gemm    the new model's matrix multiply
     * @return the copy, with fresh optimisers
     */
    static TimeGan warmCopy(TimeGan initial, TimeGanConfig config, Gemm gemm) {
        TimeGanConfig from = initial.config();
        if (from.features() != config.features() || from.hidden() != config.hidden()
                || from.layers() != config.layers() || from.cell() != config.cell()) {
            throw new IllegalArgumentException("initial model must have the config's architecture (features "
                    + config.features() + ", hidden " + config.hidden() + ", layers " + config.layers() + ", cell "
                    + config.cell() + "), got features " + from.features() + ", hidden " + from.hidden()
                    + ", layers " + from.layers() + ", cell " + from.cell());
        }
        TimeGan copy = new TimeGan(config, gemm);
        List<Param> source = weights(initial);
        List<Param> target = weights(copy);
        for (int i = 0; i < target.size(); i++) {
            Param s = source.get(i);
            Param t = target.get(i);
            if (!s.name().equals(t.name()) || s.size() != t.size()) {
                throw new IllegalStateException("weights of the same architecture must line up, got " + s.name()
                        + " for " + t.name());
            }
            System.arraycopy(s.value(), 0, t.value(), 0, s.size());
        }
        return copy;
    }

    private static List<Param> weights(TimeGan model) {
        List<Param> all = new ArrayList<>();
        all.addAll(model.embedder().params());
        all.addAll(model.recovery().params());
        all.addAll(model.generator().params());
        all.addAll(model.supervisor().params());
        all.addAll(model.discriminator().params());
        return all;
    }

    private Result train(Dataset data, TimeGanConfig config, TimeGan initial, QualityConfig quality,
                         Consumer<TrainingProgress> listener, LongFunction<Provenance> provenanceAt) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        if (data.train().features() != config.features() || data.train().steps() != config.steps()) {
            throw new IllegalArgumentException("config must match the data: features " + data.train().features()
                    + " and steps " + data.train().steps() + ", config has " + config.features() + " and "
                    + config.steps());
        }
        if (data.train().count() < config.batch()) {
            throw new IllegalArgumentException("batch " + config.batch() + " must be at most the "
                    + data.train().count() + " training windows");
        }
        long start = System.nanoTime();
        TimeGan model = initial == null ? new TimeGan(config, gemm) : warmCopy(initial, config, gemm);
        boolean validate = data.validation() != null && data.validation().count() >= config.batch();
        TrainingRun run = TrainingRun.seeded(model, data.train().batchSource(config.batch()),
                validate ? data.validation().batchSource(config.batch()) : null, ValidationConfig.defaults());

        SnapshotSelector selector = selection == null ? null : selector(model, data, config);

        Map<Phase, long[]> nanos = new EnumMap<>(Phase.class);
        Map<Phase, TrainingProgress> last = new EnumMap<>(Phase.class);
        Map<Phase, TrainingProgress> lastValidated = new EnumMap<>(Phase.class);
        long[] previous = {System.nanoTime()};
        int iterations = config.iterationsPerPhase();
        run.run(p -> {
            long now = System.nanoTime();
            nanos.computeIfAbsent(p.phase(), k -> new long[iterations])[p.iteration()] = now - previous[0];
            last.put(p.phase(), p);
            if (p.validation() != null) {
                lastValidated.put(p.phase(), p);
            }
            listener.accept(p);
            if (selector != null && p.phase() == Phase.JOINT && p.iteration() < iterations - 1
                    && (p.iteration() + 1) % selection.every() == 0) {
                selector.check(p.iteration() + 1);
            }
            previous[0] = System.nanoTime();
        });
        SelectionReport selected = null;
        if (selector != null) {
            selector.checkLast(iterations);
            selected = selector.finish();
        }

        List<PhaseReport> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            long[] t = nanos.getOrDefault(phase, new long[0]);
            TrainingProgress p = last.get(phase);
            TrainingProgress v = lastValidated.get(phase);
            phases.add(new PhaseReport(phase, t.length, medianMs(t), meanMs(t), Arrays.stream(t).sum() / 1e9,
                    p == null ? Double.NaN : p.loss(),
                    v == null ? Double.NaN : v.validation().reconstruction(),
                    v == null ? Double.NaN : v.validation().supervised()));
        }
        JointLosses joint = last.containsKey(Phase.JOINT) ? last.get(Phase.JOINT).joint() : null;

        ModelMetadata.Scores scores = ModelMetadata.Scores.NONE;
        QualityReport q = null;
        if (quality != null) {
            q = score(model, data, config, quality);
            scores = new ModelMetadata.Scores(q.discriminative().mean(), q.discriminative().std(),
                    q.predictive().mean(), q.predictive().std());
        }
        long now = clock.millis();
        Provenance provenance = provenanceAt.apply(now);
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.CURRENT_FORMAT_VERSION, provenance.modelName(),
                provenance.modelVersion(), now, tickforgeVersion, data.featureNames(), provenance.featureTransform(),
                Checkpoint.hyperparameters(config), config.seed(), provenance.dataWindow(), scores);
        Checkpoint checkpoint = new Checkpoint(model, data.scaler(), metadata, data.provenance(), true);
        TrainingReport report = new TrainingReport(data.source(), data.train().count(),
                validate ? data.validation().count() : 0, config, phases,
                joint == null ? Double.NaN : joint.discriminator().loss(),
                joint == null ? Double.NaN : joint.reconstruction(),
                q == null ? Double.NaN : q.discriminative().mean(), q == null ? Double.NaN : q.discriminative().std(),
                q == null ? Double.NaN : q.predictive().mean(), q == null ? Double.NaN : q.predictive().std(),
                (System.nanoTime() - start) / 1e9, selected);
        return new Result(checkpoint, report);
    }

    private SnapshotSelector selector(TimeGan model, Dataset data, TimeGanConfig config) {
        boolean heldOut = selection.against() == SelectionConfig.Against.VALIDATION && data.validation() != null
                && data.validation().count() >= 10;
        var real = heldOut ? data.validation() : data.train();
        return new SnapshotSelector(model, selection,
                SnapshotSelector.referenceOf(real.values(), real.count(), config.steps(), config.features(), selection),
                heldOut ? "validation" : "training", data.scaler(), data.featureNames(), gemm, config.seed());
    }

    private QualityReport score(TimeGan model, Dataset data, TimeGanConfig config, QualityConfig quality) {
        var real = data.validation() != null && data.validation().count() >= config.batch()
                ? data.validation() : data.train();
        int n = real.count();
        SampleSet synthetic = new Sampler(model, data.scaler(), data.featureNames(), gemm)
                .windows(n, config.seed() + 3);
        SequenceSet realSet = SequenceSet.of(real.values(), config.steps(), config.features());
        SequenceSet synSet = SequenceSet.of(synthetic.scaled(data.scaler()), config.steps(), config.features());
        return new QualityEvaluator(quality.fittedTo(config.steps()), gemm).evaluate(realSet, synSet, config.seed() + 4);
    }

    private static double medianMs(long[] t) {
        if (t.length == 0) {
            return Double.NaN;
        }
        long[] s = t.clone();
        Arrays.sort(s);
        return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
    }

    private static double meanMs(long[] t) {
        return t.length == 0 ? Double.NaN : Arrays.stream(t).average().orElse(Double.NaN) / 1e6;
    }
}
