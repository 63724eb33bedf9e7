package io.tickforge.trainer.retrain;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.checkpoint.CheckpointException;
import io.tickforge.timegan.model.Phase;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.model.TrainingDivergedException;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.train.PhaseReport;
import io.tickforge.timegan.train.Provenance;
import io.tickforge.timegan.train.TrainingJob;
import io.tickforge.timegan.train.TrainingReport;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.gate.GateDecision;
import io.tickforge.trainer.gate.ModelScorer;
import io.tickforge.trainer.gate.QualityGate;
import io.tickforge.trainer.gate.QualityScorer;
import io.tickforge.trainer.metrics.TrainerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The {@link RetrainService}: trains, gates and encodes models on a bounded pool of {@code training.workers} daemon
 * threads ({@code tickforge-retrain-N}), never on the caller's thread.
 *
 * <p><b>Admission.</b> {@link #submit} never blocks and never queues beyond the pool: it refuses a model that already
 * has a training, and refuses any model when {@code training.workers} trainings are in flight (a permit per
 * training, released when it ends); the caller keeps its trigger and asks again later. Refused models wait in line:
 * when a worker frees up it goes to a model that has no model yet, then to the one refused longest ago, so that the
 * stream task that happens to check first cannot starve the others; a model that stops asking for
 * {@link #WAITING_EXPIRY} loses its place.
 *
 * <p><b>One training.</b> The bars become a {@link TrainingSet} (a failure there is
 * {@link TrainingOutcome.Reason#DATA}).
 * With no current model in the {@link ModelCatalog}, the model is trained cold for {@code training.coldIterations}
 * per phase with seed {@code training.seed} and becomes version 1. With one, the new version is the current one + 1
 * and the seed {@code training.seed + version}; it is warm-started from a copy of the current weights for
 * {@code training.warmIterations} per phase, unless the current model cannot be continued (another feature
 * transform, width, depth or cell: then it is trained cold, with a warning). The scaler is always refit on the new
 * training rows rather than kept from the current model: the window has moved, the old bounds may clip new prices
 * and volumes, and the weights adapt to the small shift in the scaled inputs within the warm iterations.
 *
 * <p><b>Gate.</b> The candidate and the current model are scored on the same held-out windows
 * ({@link QualityGate}); the current model is skipped (the candidate passes) when it is not comparable (another
 * feature transform or window length). An accepted candidate is encoded without optimiser state, offered to the
 * catalog and reported as {@link TrainingOutcome.Accepted} with its scores in its metadata; a rejected one as
 * {@link TrainingOutcome.Rejected}.
 *
 * <p><b>Deadline and cancellation.</b> Cooperative: after every training iteration and between gate steps, a
 * training checks whether the service is closing, its thread was interrupted, or the injected clock has passed its
 * deadline ({@code training.deadline} after its worker started it); if so it stops with
 * {@link TrainingOutcome.Reason#DEADLINE} (or {@link TrainingOutcome.Reason#ERROR} on close). A gate metric in
 * progress finishes first, so a deadline is honoured to within one metric run. A NaN or infinite loss is
 * {@link TrainingOutcome.Reason#DIVERGED}.
 *
 * <p><b>Reporting.</b> Every outcome is logged (INFO accepted, WARN otherwise, key=value) and counted
 * ({@link TrainerMetrics#trainingStarted}, {@link TrainerMetrics#trainingEnded}, {@link TrainerMetrics#trainingFailed}
 * by reason, the joint phase's last losses through {@link TrainerMetrics#lastLoss}), then queued for {@link #drain}.
 * A training's model is released (so {@link #isRunning} is false and it may be submitted again) before its outcome
 * is queued.
 *
 * <p>Reproducible: the same request, configuration, current model and clock give bit-identical checkpoint bytes
 * (with {@code OMP_NUM_THREADS=1}).
 */
public final class WorkerPoolRetrainService implements RetrainService {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolRetrainService.class);

    /** How long a refused model keeps its place in line without asking again. */
    static final Duration WAITING_EXPIRY = Duration.ofSeconds(30);

    /** How long {@link #close()} waits for cancelled trainings to stop. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final TrainingConfig training;
    private final Clock clock;
    private final Supplier<Gemm> gemms;
    private final TrainerMetrics metrics;
    private final ModelCatalog catalog;
    private final QualityGate gate;
    private final GateConfig gateConfig;
    private final ModelTrainer trainer;
    private final ThreadPoolExecutor pool;
    private final Semaphore permits;
    private final ConcurrentMap<String, Run> running = new ConcurrentHashMap<>();
    private final Map<String, Waiting> waiting = new HashMap<>();
    private final Queue<TrainingOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * A service with the gate's real scorer ({@link QualityScorer} seeded with {@code training.seed}).
     *
     * @param training         how models are trained, and the pool's size and deadline
     * @param gate             the held-out fraction, the gate's budget and tolerance
     * @param clock            creation times, durations and deadlines
     * @param gemms            makes a matrix multiply for each training (they are not thread-safe), e.g.
     *                         {@code Gemm::openBlas}
     * @param tickforgeVersion written into every checkpoint
     * @param metrics          the trainer's meters
     * @param catalog          the current models: read for warm starts and gating, updated on accept
     */
    public WorkerPoolRetrainService(TrainingConfig training, GateConfig gate, Clock clock, Supplier<Gemm> gemms,
                                    String tickforgeVersion, TrainerMetrics metrics, ModelCatalog catalog) {
        this(training, gate, clock, gemms, tickforgeVersion, metrics, catalog,
                new QualityScorer(Objects.requireNonNull(gate, "gate"), Objects.requireNonNull(training, "training")
                        .seed()));
    }

    /**
     * A service with another scorer (e.g. a test's fake).
     *
     * @param training         how models are trained, and the pool's size and deadline
     * @param gate             the held-out fraction, the gate's budget and tolerance
     * @param clock            creation times, durations and deadlines
     * @param gemms            makes a matrix multiply for each training
     * @param tickforgeVersion written into every checkpoint
     * @param metrics          the trainer's meters
     * @param catalog          the current models
     * @param scorer           scores a model on held-out windows
     */
    public WorkerPoolRetrainService(TrainingConfig training, GateConfig gate, Clock clock, Supplier<Gemm> gemms,
                                    String tickforgeVersion, TrainerMetrics metrics, ModelCatalog catalog,
                                    ModelScorer scorer) {
        this(training, gate, clock, gemms, metrics, catalog, scorer,
                jobTrainer(clock, Objects.requireNonNull(tickforgeVersion, "tickforgeVersion")));
    }

    WorkerPoolRetrainService(TrainingConfig training, GateConfig gate, Clock clock, Supplier<Gemm> gemms,
                             TrainerMetrics metrics, ModelCatalog catalog, ModelScorer scorer, ModelTrainer trainer) {
        this.training = Objects.requireNonNull(training, "training");
        this.gateConfig = Objects.requireNonNull(gate, "gate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gemms = Objects.requireNonNull(gemms, "gemms");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.gate = new QualityGate(gate, Objects.requireNonNull(scorer, "scorer"));
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        int workers = training.workers();
        this.permits = new Semaphore(workers);
        AtomicInteger threads = new AtomicInteger();
        // permits keep at most `workers` tasks in flight, so this bounded queue never fills; it only bridges the
        // moment between a task's end (permit released) and its thread's return to the queue
        this.pool = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workers), r -> {
                    Thread t = new Thread(r, "tickforge-retrain-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    static ModelTrainer jobTrainer(Clock clock, String tickforgeVersion) {
        return (data, config, initial, provenance, gemm, listener) ->
                new TrainingJob(clock, gemm, tickforgeVersion).run(data, config, initial, provenance, null, listener);
    }

    @Override
    public synchronized boolean submit(TrainingRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            return false;
        }
        String model = request.modelName();
        if (running.containsKey(model)) {
            LOG.debug("retrain refused model={} cause=already-running", model);
            return false;
        }
        long now = clock.millis();
        waiting.values().removeIf(w -> now - w.lastAsked() > WAITING_EXPIRY.toMillis());
        boolean first = catalog.current(model).isEmpty();
        waiting.merge(model, new Waiting(model, now, now, first),
                (old, neu) -> new Waiting(model, old.since(), now, first));
        Waiting next = waiting.values().stream().min(Waiting.ORDER).orElseThrow();
        if (!next.model().equals(model)) {
            LOG.debug("retrain refused model={} cause=fairness next={} waitingSinceMs={}", model, next.model(),
                    now - next.since());
            return false;
        }
        if (!permits.tryAcquire()) {
            LOG.debug("retrain refused model={} cause=pool-full workers={}", model, training.workers());
            return false;
        }
        Run run = new Run(model);
        running.put(model, run);
        waiting.remove(model);
        try {
            pool.execute(() -> execute(request, run));
        } catch (RejectedExecutionException e) {
            // only once closed
            permits.release();
            running.remove(model, run);
            return false;
        }
        LOG.debug("retrain submitted model={} trigger={} bars={}", model, request.trigger(), request.barCount());
        return true;
    }

    /**
     * A model whose submission was refused for want of a worker, so that the next free worker goes to the model that
     * deserves it, not to whichever stream task happens to ask first.
     *
     * @param model     the model
     * @param since     when it was first refused, ms (injected clock)
     * @param lastAsked when it last asked, ms; an entry not renewed within {@link #WAITING_EXPIRY} is dropped (its
     *                  partition may have moved to another instance)
     * @param first     whether it has no current model yet
     */
    private record Waiting(String model, long since, long lastAsked, boolean first) {
        /** Models without any model first, then the longest waiting, then by name. */
        static final Comparator<Waiting> ORDER = Comparator.comparing((Waiting w) -> !w.first())
                .thenComparingLong(Waiting::since).thenComparing(Waiting::model);
    }

    @Override
    public boolean isRunning(String modelName) {
        return running.containsKey(modelName);
    }

    @Override
    public List<TrainingOutcome> drain() {
        List<TrainingOutcome> out = new ArrayList<>();
        for (TrainingOutcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            out.add(o);
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        for (Run run : running.values()) {
            run.closing = true;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                LOG.warn("retrain pool did not stop within waitMs={}; interrupted running={}", CLOSE_WAIT.toMillis(),
                        running.keySet());
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- one training, on a worker

    private void execute(TrainingRequest request, Run run) {
        run.deadlineAt = clock.millis() + training.deadline().toMillis();
        metrics.trainingStarted(request.modelName());
        TrainingOutcome outcome;
        try {
            outcome = train(request, run);
        } catch (Cancelled e) {
            outcome = failed(request, e.reason, e.getMessage(), null);
        } catch (TrainingDivergedException e) {
            outcome = failed(request, TrainingOutcome.Reason.DIVERGED, e.getMessage(), null);
        } catch (TrainingDataException e) {
            outcome = failed(request, TrainingOutcome.Reason.DATA, e.getMessage(), null);
        } catch (RuntimeException | CheckpointException e) {
            outcome = failed(request, TrainingOutcome.Reason.ERROR, e.toString(), e);
        } catch (Error e) {
            finish(request, run, failed(request, TrainingOutcome.Reason.ERROR, e.toString(), e));
            throw e;
        }
        finish(request, run, outcome);
    }

    private void finish(TrainingRequest request, Run run, TrainingOutcome outcome) {
        String model = request.modelName();
        TrainerMetrics.Outcome tag;
        if (outcome instanceof TrainingOutcome.Accepted) {
            tag = TrainerMetrics.Outcome.ACCEPTED;
        } else if (outcome instanceof TrainingOutcome.Rejected) {
            tag = TrainerMetrics.Outcome.REJECTED;
        } else {
            tag = TrainerMetrics.Outcome.FAILED;
            metrics.trainingFailed(model, ((TrainingOutcome.Failed) outcome).reason().tag());
        }
        metrics.trainingEnded(model, tag, Duration.ofMillis(outcome.durationMs()));
        // release before publishing the outcome: whoever drains it may submit the model again at once
        running.remove(model, run);
        permits.release();
        outcomes.add(outcome);
    }

    private TrainingOutcome train(TrainingRequest request, Run run) throws CheckpointException {
        String model = request.modelName();
        Gemm gemm = gemms.get();
        Optional<ModelCatalog.Entry> entry = catalog.current(model);
        long version = entry.map(e -> e.metadata().modelVersion() + 1).orElse(1L);
        long seed = version == 1 ? training.seed() : training.seed() + version;
        TrainingSet set = TrainingSet.of(request, training, gateConfig, seed);
        Checkpoint current = entry.isPresent() ? entry.get().load(gemm) : null;
        boolean warm = current != null && canContinue(model, current);
        int iterations = warm ? training.warmIterations() : training.coldIterations();
        TimeGanConfig config = training.timeGan(iterations, seed);
        Provenance provenance = new Provenance(model, version, training.features().wireName(), set.window());
        run.check(clock, training.deadline());

        TrainingJob.Result result = trainer.train(set.dataset(), config, warm ? current.model() : null, provenance,
                gemm, p -> run.check(clock, training.deadline()));
        recordLosses(model, result.report());

        TimeGan candidate = result.checkpoint().model();
        boolean comparable = current != null && canCompare(current);
        GateDecision decision = gate.judge(candidate, set.dataset().scaler(), comparable ? current.model() : null,
                comparable ? current.scaler() : null, set.heldOut(), gemm, () -> run.check(clock, training.deadline()));
        long durationMs = durationMs(request);
        if (!decision.accepted()) {
            TrainingOutcome.Rejected rejected = new TrainingOutcome.Rejected(model, durationMs, decision.candidate(),
                    decision.current());
            LOG.warn("retrain rejected model={} version={} warm={} reason=\"{}\" disc={} pred={} currentDisc={}"
                            + " currentPred={} durationMs={}", model, version, warm, decision.reason(),
                    decision.candidate().discriminative(), decision.candidate().predictive(),
                    decision.current().discriminative(), decision.current().predictive(), durationMs);
            return rejected;
        }
        ModelMetadata metadata = result.checkpoint().metadata().withScores(decision.candidate());
        byte[] bytes = new Checkpoint(candidate, set.dataset().scaler(), metadata, set.dataset().provenance(), false)
                .toBytes();
        run.check(clock, training.deadline());
        if (!catalog.offer(model, bytes)) {
            long held = catalog.current(model).map(e -> e.metadata().modelVersion()).orElse(0L);
            return failed(request, TrainingOutcome.Reason.ERROR, "superseded: the catalog already holds version "
                    + held + " of " + model + ", this training made version " + version, null);
        }
        metrics.currentModel(metadata);
        metrics.checkpointSize(model, bytes.length);
        durationMs = durationMs(request);
        ModelMetadata.Scores old = decision.current();
        LOG.info("retrain accepted model={} version={} warm={} iterations={} seed={} trigger={} reason=\"{}\" disc={}"
                        + " pred={} currentDisc={} currentPred={} bytes={} durationMs={}", model, version, warm,
                iterations, seed, request.trigger(), decision.reason(), decision.candidate().discriminative(),
                decision.candidate().predictive(), old == null ? null : old.discriminative(),
                old == null ? null : old.predictive(), bytes.length, durationMs);
        return new TrainingOutcome.Accepted(model, durationMs, bytes, metadata, warm);
    }

    /** Whether a retrain can continue from the current model's weights. */
    private boolean canContinue(String model, Checkpoint current) {
        TimeGanConfig c = current.model().config();
        String transform = current.metadata().featureTransform();
        boolean same = transform.equals(training.features().wireName()) && c.hidden() == training.hidden()
                && c.layers() == training.layers() && c.cell() == training.cell()
                && c.features() == training.features().featureNames().size();
        if (!same) {
            LOG.warn("retrain cannot warm-start model={} currentVersion={} currentTransform={} currentHidden={}"
                            + " currentLayers={} currentCell={}; training cold", model,
                    current.metadata().modelVersion(), transform, c.hidden(), c.layers(), c.cell());
        }
        return same;
    }

    /** Whether the current model's samples can be scored on this training's held-out windows. */
    private boolean canCompare(Checkpoint current) {
        TimeGanConfig c = current.model().config();
        return current.metadata().featureTransform().equals(training.features().wireName())
                && c.steps() == training.steps() && c.features() == training.features().featureNames().size();
    }

    private void recordLosses(String model, TrainingReport report) {
        loss(model, "reconstruction", report.finalEmbedderLoss());
        loss(model, "discriminator", report.finalDiscriminatorLoss());
        for (PhaseReport phase : report.phases()) {
            if (phase.phase() == Phase.JOINT) {
                loss(model, "generator", phase.finalLoss());
            }
        }
    }

    private void loss(String model, String name, double value) {
        if (Double.isFinite(value)) {
            metrics.lastLoss(model, name, value);
        }
    }

    private TrainingOutcome.Failed failed(TrainingRequest request, TrainingOutcome.Reason reason, String message,
                                          Throwable cause) {
        long durationMs = durationMs(request);
        if (closed && cause == null) {
            // an expected end, not a problem: the service is stopping and cancels what runs
            LOG.info("retrain cancelled model={} reason={} durationMs={} message=\"{}\"", request.modelName(),
                    reason.tag(), durationMs, message);
        } else if (cause == null) {
            LOG.warn("retrain failed model={} reason={} durationMs={} message=\"{}\"", request.modelName(),
                    reason.tag(), durationMs, message);
        } else {
            LOG.warn("retrain failed model={} reason={} durationMs={} message=\"{}\"", request.modelName(),
                    reason.tag(), durationMs, message, cause);
        }
        return new TrainingOutcome.Failed(request.modelName(), durationMs, reason, message);
    }

    private long durationMs(TrainingRequest request) {
        return Math.max(0, clock.millis() - request.requestedAt());
    }

    /** A training's cancellation state, shared by the worker and {@link #close()}. */
    private static final class Run {
        private final String model;
        private volatile boolean closing;
        private volatile long deadlineAt = Long.MAX_VALUE;

        Run(String model) {
            this.model = model;
        }

        /** Throws {@link Cancelled} when the training must stop. */
        void check(Clock clock, Duration deadline) {
            if (closing || Thread.currentThread().isInterrupted()) {
                throw new Cancelled(TrainingOutcome.Reason.ERROR, "cancelled: the retrain service is closing");
            }
            long now = clock.millis();
            if (now > deadlineAt) {
                throw new Cancelled(TrainingOutcome.Reason.DEADLINE, "cancelled: training of " + model
                        + " outlived training.deadline " + deadline + " (running for "
                        + (now - deadlineAt + deadline.toMillis()) + " ms)");
            }
        }
    }

    /** Unwinds a cancelled training through the engine's loops. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final TrainingOutcome.Reason reason;

        Cancelled(TrainingOutcome.Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
