package io.tickforge.cli.demo;

import io.tickforge.cli.publish.Pacer;
import io.tickforge.cli.publish.PublishSummary;
import io.tickforge.cli.publish.RecordSender;
import io.tickforge.producer.rate.Ticker;
import io.tickforge.cli.simulate.MarketSimulator;
import io.tickforge.cli.simulate.SimulatorConfig;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.RecordCodec;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's market feed: the built-in simulator publishing ticks to the tick topic on a thread of its own, paced at
 * the simulator's rate so that event time follows the wall clock, as {@code tickforge simulate} does. Every send is
 * accounted for by a {@link RecordSender}.
 */
final class TickFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TickFeed.class);

    private final MarketSimulator simulator;
    private final double rate;
    private final RecordCodec<Tick> codec;
    private final RecordSender sender;
    private final AtomicLong produced = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param config   the simulator (its rate spaces the event times and paces the sends)
     * @param codec    the wire format
     * @param producer the Kafka producer, owned
     * @param topic    the tick topic
     */
    TickFeed(SimulatorConfig config, RecordCodec<Tick> codec, Producer<String, byte[]> producer, String topic) {
        this.simulator = new MarketSimulator(Objects.requireNonNull(config, "config"));
        this.rate = config.ratePerSecond();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.sender = new RecordSender(producer, topic, Ticker.system());
        this.thread = new Thread(this::run, "tickforge-demo-simulator");
        this.thread.setDaemon(true);
    }

    /** @return the simulated symbols */
    List<String> symbols() {
        return simulator.symbols();
    }

    /** Starts publishing. */
    void start() {
        thread.start();
    }

    private void run() {
        Pacer pacer = new Pacer(Ticker.system());
        try {
            for (long i = 0; running; i++) {
                pacer.awaitOffset(Pacer.offsetAtRate(i, rate));
                Tick tick = simulator.next();
                sender.send(tick.symbol(), codec.encode(tick), List.of());
                produced.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.error("simulator stopped error={}", e.toString(), e);
        }
    }

    /** @return ticks handed to Kafka so far */
    long sent() {
        return produced.get();
    }

    /** @return the sends' outcomes so far */
    PublishSummary summary() {
        return sender.summary();
    }

    /** Stops the feed, then flushes and closes its producer. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
    }
}
