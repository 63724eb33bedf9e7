package io.tickforge.cli.simulate;

import io.tickforge.cli.Tickforge;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.options.DurationConverter;
import io.tickforge.cli.options.InstantConverter;
import io.tickforge.cli.options.KafkaOptions;
import io.tickforge.cli.options.PublishOptions;
import io.tickforge.cli.publish.Pacer;
import io.tickforge.cli.publish.PublishSummary;
import io.tickforge.cli.publish.RecordSender;
import io.tickforge.cli.publish.StopSignal;
import io.tickforge.producer.rate.Ticker;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.RecordCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tickforge simulate}: publishes the built-in market simulator's ticks to Kafka, keyed by symbol, at a smooth
 * target rate. The same seed gives the same symbols, prices and sizes.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Publishes realistic simulated market ticks (volatility clustering, fat tails, jumps, "
            + "intraday volume, bid/ask) to Kafka as Tick records keyed by symbol.",
            "Runs for --duration or --count, or until Ctrl-C."})
public final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Tickforge root;

    @CommandLine.Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "market.ticks", description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--symbols", defaultValue = "5", description = "Number of simulated instruments (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--rate", defaultValue = "1000",
            description = "Ticks per second across all symbols, fractional allowed (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "How long to run, e.g. 30s, 10m (exactly rate x duration ticks). Default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--count", description = "Stop after this many ticks (wins over --duration).")
    Long count;

    @Option(names = "--start", converter = InstantConverter.class, defaultValue = "now",
            description = "Event time of the first tick: now, 2024-01-02T14:30:00Z, 2024-01-02 or epoch ms (default: now).")
    Instant start;

    @CommandLine.Mixin
    PublishOptions publish;

    /** Created by picocli. */
    public SimulateCommand() {
        // fields are injected
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new CommandLine.ParameterException(cl, "--rate must be a positive number of ticks per second, was " + rate);
        }
        if (count != null && count < 0) {
            throw new CommandLine.ParameterException(cl, "--count must be >= 0, was " + count);
        }
        SimulatorConfig config;
        try {
            config = SimulatorConfig.defaults(symbols, seed, start.toEpochMilli(), rate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--" + e.getMessage().replaceFirst("^startMillis", "start"), e);
        }
        KafkaConnection connection = publish.connect(cl, kafka, root.config(), topic);
        long total = count != null ? count
                : duration != null ? Math.round(rate * duration.toNanos() / 1e9) : Long.MAX_VALUE;

        MarketSimulator simulator = new MarketSimulator(config);
        RecordCodec<Tick> codec = publish.format().tick();
        PrintWriter out = cl.getOut();
        out.printf(Locale.ROOT, "Simulating %d symbols %s at %s ticks/s to topic %s on %s (seed %d, %s)%s.%n",
                symbols, simulator.symbols(), trim(rate), topic, connection.bootstrap(), seed,
                publish.format().name().toLowerCase(Locale.ROOT),
                total == Long.MAX_VALUE ? ", until Ctrl-C" : ", " + total + " ticks");
        out.flush();

        Ticker ticker = Ticker.system();
        Pacer pacer = new Pacer(ticker);
        PublishSummary summary;
        try (StopSignal stop = new StopSignal("simulate");
             RecordSender sender = new RecordSender(new KafkaProducer<>(connection.producerProperties("tickforge-simulate")), topic, ticker)) {
            for (long i = 0; i < total && !stop.isStopped(); i++) {
                pacer.awaitOffset(Pacer.offsetAtRate(i, rate));
                Tick tick = simulator.next();
                sender.send(tick.symbol(), codec.encode(tick), List.of());
            }
            sender.flush();
            summary = sender.summary();
        }
        out.printf(Locale.ROOT, "Sent %d ticks to %s: %d acknowledged, %d failed%s, in %.1f s (%.1f ticks/s).%n",
                summary.sent(), topic, summary.acked(), summary.failed(),
                summary.failed() == 0 ? "" : " " + summary.failuresByError(),
                summary.elapsed().toNanos() / 1e9, summary.ackedPerSecond());
        out.flush();
        return summary.failed() == 0 ? 0 : Tickforge.EXIT_FAILURE;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
