package io.tickforge.producer;

import io.tickforge.producer.follow.ModelBoard;
import io.tickforge.producer.follow.ModelFollower;
import io.tickforge.producer.follow.ModelLoader;
import io.tickforge.producer.follow.ModelRejectedException;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.publish.PublishLoop;
import io.tickforge.producer.publish.RecordPublisher;
import io.tickforge.producer.rate.RatePacer;
import io.tickforge.producer.rate.Ticker;
import io.tickforge.producer.synth.ServedModel;
import io.tickforge.producer.synth.SyntheticFeed;
import io.tickforge.timegan.nn.Gemm;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The producer's lifecycle: follow the model topic, sample every served model as endless synthetic instruments, and
 * publish their records at the configured rate until closed. Wired by hand in the CLI's {@code main}; every
 * collaborator is passed in.
 *
 * <p>Two threads: {@code tickforge-producer-models} polls the model topic and puts accepted checkpoints on a
 * {@link ModelBoard}; {@code tickforge-producer-publish} generates, paces and sends. Publishing starts once the
 * model topic has been read up to the end it had at start (at most {@link #CATCH_UP_TIMEOUT}), so a restart serves
 * the complete current set of models from its first record; with no model, the service waits
 * ({@code WAITING_FOR_MODEL}) and stays healthy. A new model version is taken between two bar steps, without losing
 * or repeating a record. {@link #close()} stops generating, flushes every record handed to the producer, and closes
 * both clients.
 */
public final class ProducerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerService.class);

    /** The longest publishing waits for the model topic to be read to its end before it starts anyway. */
    public static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration JOIN = Duration.ofSeconds(10);

    /** The service's state; {@link #status()} gives its name. */
    public enum Status {
        /** Created, not started. */
        NEW,
        /** Started, no model to serve yet (or the model topic is still being read). Healthy. */
        WAITING_FOR_MODEL,
        /** Publishing. */
        RUNNING,
        /** Closing: flushing and closing the clients. */
        STOPPING,
        /** Closed. */
        STOPPED,
        /** Published its record limit ({@code publish.maxRecords}); close it to flush. Healthy. */
        COMPLETED,
        /** Publishing ended with an error (see the log); close it. */
        FAILED
    }

    private final ProduceConfig config;
    private final ProducerKafka kafka;
    private final ProducerMetrics metrics;
    private final Clock clock;
    private final Ticker ticker;
    private final Supplier<Gemm> gemms;
    private final ModelBoard board = new ModelBoard();
    private volatile Status state = Status.NEW;
    private volatile boolean stopping;
    private RecordPublisher publisher;
    private PublishLoop loop;
    private ModelFollower follower;
    private Consumer<String, byte[]> consumer;
    private Thread publishThread;
    private Thread followThread;

    /**
     * The production wiring: the system ticker and OpenBLAS for sampling.
     *
     * @param config  the producer's settings
     * @param kafka   makes the Kafka clients
     * @param metrics the producer's meters
     * @param clock   the wall clock
     */
    public ProducerService(ProduceConfig config, ProducerKafka kafka, ProducerMetrics metrics, Clock clock) {
        this(config, kafka, metrics, clock, Ticker.system(), Gemm::openBlas);
    }

    /**
     * @param config  the producer's settings
     * @param kafka   makes the Kafka clients
     * @param metrics the producer's meters
     * @param clock   the wall clock
     * @param ticker  the monotonic clock pacing is measured on
     * @param gemms   makes one matrix multiply per served model, used on the publishing thread
     */
    public ProducerService(ProduceConfig config, ProducerKafka kafka, ProducerMetrics metrics, Clock clock,
                           Ticker ticker, Supplier<Gemm> gemms) {
        this.config = Objects.requireNonNull(config, "config");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.gemms = Objects.requireNonNull(gemms, "gemms");
    }

    /**
     * Loads the model file (if any), then starts following the model topic and publishing. Returns at once.
     *
     * @throws IllegalStateException when already started
     * @throws IllegalArgumentException naming {@code models.modelFile} and the file when it cannot be served
     */
    public synchronized void start() {
        if (state != Status.NEW) {
            throw new IllegalStateException("already started, status " + state);
        }
        ModelLoader loader = new ModelLoader(config.synth());
        Path file = config.models().modelFile();
        if (file != null) {
            loadFile(loader, file);
        }
        Producer<String, byte[]> producer = kafka.producer();
        publisher = new RecordPublisher(producer, config.topics().output(), config.publish().maxInFlight(), metrics,
                ticker);
        if (config.models().follow()) {
            try {
                consumer = kafka.modelConsumer();
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
            follower = new ModelFollower(consumer, config.topics().models(), config.models(), loader, board, metrics,
                    clock);
        }
        SyntheticFeed feed = new SyntheticFeed(config.synth(), config.time(), board, clock, gemms, metrics);
        RatePacer pacer = new RatePacer(config.rate().schedule(), ticker);
        long startedNanos = ticker.nanoTime();
        ModelFollower f = follower;
        loop = new PublishLoop(feed, board, publisher, pacer, config.time().pace(), clock, ticker, metrics,
                () -> f == null || f.caughtUp() || ticker.nanoTime() - startedNanos > CATCH_UP_TIMEOUT.toNanos(),
                config.publish().maxRecords());
        state = Status.WAITING_FOR_MODEL;
        if (follower != null) {
            followThread = new Thread(this::follow, "tickforge-producer-models");
            followThread.start();
        }
        publishThread = new Thread(loop, "tickforge-producer-publish");
        publishThread.start();
        LOG.info("producer started output={} modelTopic={} follow={} names={} modelFile={} instruments={} mode={}"
                        + " format={} pace={} start={} rate={} maxInFlight={} seed={}", config.topics().output(),
                config.topics().models(), config.models().follow(), config.models().names(), file,
                config.synth().instruments(), config.synth().output().wireName(), config.synth().format(),
                config.time().pace().wireName(), config.time().start(), config.rate().schedule().text(),
                config.publish().maxInFlight(), config.synth().seed());
    }

    private void loadFile(ModelLoader loader, Path file) {
        try {
            ServedModel model = loader.load(file);
            board.offer(model);
            metrics.modelServed(model.name(), model.version(), model.createdAt());
            LOG.info("model file loaded file={} model={} version={} transform={} barIntervalMs={}", file,
                    model.name(), model.version(), model.transform().wireName(), model.intervalMs());
        } catch (ModelRejectedException e) {
            metrics.modelRejected(e.reason().tag());
            throw new IllegalArgumentException("models.modelFile cannot be served (" + e.reason().tag() + "): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("models.modelFile " + file + " cannot be read: " + e, e);
        }
    }

    private void follow() {
        try {
            while (!stopping) {
                try {
                    follower.pollOnce(POLL);
                } catch (WakeupException e) {
                    if (stopping) {
                        break;
                    }
                } catch (InterruptedException | InterruptException e) {
                    break;
                } catch (RuntimeException e) {
                    LOG.warn("model topic poll failed, retrying in 1s topic={} error={}", config.topics().models(),
                            e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        break;
                    }
                }
            }
        } finally {
            try {
                consumer.close();
            } catch (RuntimeException e) {
                LOG.warn("model consumer close failed error={}", e.toString());
            }
        }
    }

    /** @return whether the service is doing its job: publishing, or started and waiting for a model */
    public boolean isUp() {
        Status s = state();
        return s == Status.RUNNING || s == Status.WAITING_FOR_MODEL || s == Status.COMPLETED;
    }

    /** @return the state's name: {@code NEW}, {@code WAITING_FOR_MODEL}, {@code RUNNING}, {@code STOPPING},
     *     {@code STOPPED}, {@code COMPLETED} or {@code FAILED} */
    public String status() {
        return state().name();
    }

    /** @return the state */
    public Status state() {
        Status s = state;
        if (s != Status.WAITING_FOR_MODEL && s != Status.RUNNING) {
            return s;
        }
        PublishLoop l = loop;
        if (l.completed()) {
            return Status.COMPLETED;
        }
        if (l.failure() != null || l.finished()) {
            return Status.FAILED;
        }
        return l.waiting() ? Status.WAITING_FOR_MODEL : Status.RUNNING;
    }

    /** @return records acknowledged by the broker so far */
    public long sent() {
        RecordPublisher p = publisher;
        return p == null ? 0 : p.acknowledged();
    }

    /** @return records whose send failed so far */
    public long failed() {
        RecordPublisher p = publisher;
        return p == null ? 0 : p.failed();
    }

    /** @return failed sends by exception class */
    public SortedMap<String, Long> failuresByError() {
        RecordPublisher p = publisher;
        return p == null ? Collections.emptySortedMap() : p.failuresByError();
    }

    /** @return the models served, name to version (a new version is generated from the next bar step on) */
    public SortedMap<String, Long> currentModels() {
        return board.versions();
    }

    /**
     * Stops generating, waits for the threads, flushes every record handed to the producer, closes the producer and
     * the model consumer. Safe to call more than once, and before {@link #start()}.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state == Status.STOPPED || state == Status.STOPPING) {
                return;
            }
            if (state == Status.NEW) {
                state = Status.STOPPED;
                return;
            }
            state = Status.STOPPING;
        }
        stopping = true;
        loop.stop();
        if (follower != null) {
            follower.wakeup();
        }
        join(publishThread);
        try {
            publisher.close(config.publish().closeTimeout());
        } catch (RuntimeException e) {
            LOG.warn("producer close failed error={}", e.toString());
        }
        if (followThread != null) {
            join(followThread);
        }
        state = Status.STOPPED;
        LOG.info("producer stopped records={} acknowledged={} failed={} byError={}", loop.records(),
                publisher.acknowledged(), publisher.failed(), publisher.failuresByError());
    }

    private static void join(Thread t) {
        try {
            t.join(JOIN.toMillis());
            if (t.isAlive()) {
                LOG.warn("thread did not stop in time, interrupting thread={}", t.getName());
                t.interrupt();
                t.join(JOIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
