package io.tickforge.producer.publish;

import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.rate.RatePacer;
import io.tickforge.producer.rate.Ticker;
import io.tickforge.producer.synth.ModelSource;
import io.tickforge.producer.synth.Pace;
import io.tickforge.producer.synth.SyntheticFeed;
import io.tickforge.producer.synth.SyntheticRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The publishing thread's loop: take the feed's next record, wait for its intended send time, hand it to the
 * publisher (which blocks while too many records are in flight), repeat until stopped.
 *
 * <p>The intended send time of the {@code i}-th record is the rate schedule's time for {@code i}; in
 * {@link Pace#REALTIME} it is never before the record's release time (a tick's timestamp, a bar's end) on the wall
 * clock, mapped to the ticker through the moment publishing started. The publish delay is measured against it.
 * While no model is served (or the model topic is still being read up to its end), the loop waits and the schedule
 * is paused, so it resumes where it stopped instead of catching up. In {@link Pace#MAX} at rate {@code max} no record
 * has an intended send time (nothing holds it back, and "since the start" is no delay), so none is recorded, and the
 * loop reads no clock per record.
 */
public final class PublishLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishLoop.class);
    private static final Duration WAIT_SLICE = Duration.ofMillis(100);

    private final SyntheticFeed feed;
    private final ModelSource models;
    private final RecordPublisher publisher;
    private final RatePacer pacer;
    private final Pace pace;
    private final Clock clock;
    private final Ticker ticker;
    private final ProducerMetrics metrics;
    private final BooleanSupplier ready;
    private final long limit;
    private final boolean scheduled;
    private volatile boolean running = true;
    private final BooleanSupplier isRunning = () -> running;
    private volatile boolean waiting = true;
    private volatile boolean finished;
    private volatile Throwable failure;
    private long index;
    private long anchorMillis;
    private long anchorNanos;
    private long pausedAt = -1;

    /**
     * @param feed      the records
     * @param models    the model source the feed reads (waited on while there is no model)
     * @param publisher hands records to Kafka
     * @param pacer     the rate schedule's pacer, not started
     * @param pace      realtime or max
     * @param clock     the wall clock (realtime release times)
     * @param ticker    the ticker the pacer uses
     * @param metrics   the meters
     * @param ready     whether publishing may start (e.g. the model topic has been read to its end)
     */
    public PublishLoop(SyntheticFeed feed, ModelSource models, RecordPublisher publisher, RatePacer pacer, Pace pace,
                       Clock clock, Ticker ticker, ProducerMetrics metrics, BooleanSupplier ready) {
        this(feed, models, publisher, pacer, pace, clock, ticker, metrics, ready, 0);
    }

    /**
     * A loop that stops by itself after a number of records.
     *
     * @param feed      the records
     * @param models    the model source the feed reads (waited on while there is no model)
     * @param publisher hands records to Kafka
     * @param pacer     the rate schedule's pacer, not started
     * @param pace      realtime or max
     * @param clock     the wall clock (realtime release times)
     * @param ticker    the ticker the pacer uses
     * @param metrics   the meters
     * @param ready     whether publishing may start (e.g. the model topic has been read to its end)
     * @param limit     records to hand to the publisher before the loop ends by itself ({@link #completed()}), 0 for
     *                  no limit
     */
    public PublishLoop(SyntheticFeed feed, ModelSource models, RecordPublisher publisher, RatePacer pacer, Pace pace,
                       Clock clock, Ticker ticker, ProducerMetrics metrics, BooleanSupplier ready, long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        this.limit = limit;
        this.feed = Objects.requireNonNull(feed, "feed");
        this.models = Objects.requireNonNull(models, "models");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.scheduled = pace == Pace.REALTIME || !pacer.schedule().unlimited();
    }

    @Override
    public void run() {
        try {
            loop();
            if (limit > 0 && index >= limit) {
                LOG.info("publishing completed records={}", index);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("publishing interrupted records={}", index);
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("publishing failed records={} error={}", index, e.toString(), e);
        } finally {
            waiting = false;
            finished = true;
        }
    }

    private void loop() throws InterruptedException {
        while (running && (limit == 0 || index < limit)) {
            long generation = models.generation();
            SyntheticRecord r = ready.getAsBoolean() ? feed.next() : null;
            if (r == null) {
                pause();
                models.awaitChange(generation, WAIT_SLICE);
                continue;
            }
            resume();
            long due = RecordPublisher.UNSCHEDULED;
            if (scheduled) {
                due = pacer.dueNanos(index);
                if (pace == Pace.REALTIME) {
                    due = Math.max(due, anchorNanos + (r.releaseAt() - anchorMillis) * 1_000_000L);
                }
                metrics.targetRate(pacer.targetRate());
                if (!pacer.awaitUntil(due, isRunning)) {
                    break;
                }
            } else if (!running) {
                break;
            }
            if (!publisher.send(r, due, isRunning)) {
                break;
            }
            index++;
        }
    }

    private void pause() {
        if (!waiting) {
            waiting = true;
            pausedAt = ticker.nanoTime();
            LOG.info("publishing paused, no model to serve records={}", index);
        }
    }

    private void resume() {
        if (!pacer.started()) {
            pacer.start();
            metrics.targetRate(pacer.targetRate());
            anchorNanos = ticker.nanoTime();
            anchorMillis = clock.millis();
            LOG.info("publishing started pace={} rate={} models={}", pace.wireName(), pacer.schedule().text(),
                    feed.serving());
        } else if (pausedAt >= 0) {
            pacer.shift(ticker.nanoTime() - pausedAt);
            LOG.info("publishing resumed records={} models={}", index, feed.serving());
        }
        pausedAt = -1;
        waiting = false;
    }

    /** Asks the loop to stop; it ends within about 100 ms, without sending the record it holds. */
    public void stop() {
        running = false;
    }

    /** @return whether the loop is waiting for a model (or for the model topic to be read) */
    public boolean waiting() {
        return waiting;
    }

    /** @return whether {@link #run()} has returned */
    public boolean finished() {
        return finished;
    }

    /** @return whether the loop ended by itself, having handed its record limit to the publisher */
    public boolean completed() {
        return finished && failure == null && limit > 0 && index >= limit;
    }

    /** @return the error that ended the loop, or null */
    public Throwable failure() {
        return failure;
    }

    /** @return records handed to the publisher so far */
    public long records() {
        return index;
    }
}
