package io.tickforge.cli.replay;

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
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.RecordCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tickforge replay}: publishes the rows of an OHLCV CSV file to Kafka as {@link Bar} records keyed by symbol.
 * A malformed line is reported with its line number and reason, skipped and counted; the run ends with a summary.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Publishes an OHLCV CSV file to Kafka as Bar records keyed by symbol.",
            "Columns are found by header name (open/high/low/close, volume, optional date and symbol); "
                + "files without a time column get bars of --interval from --start."})
public final class ReplayCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayCommand.class);
    private static final int PRINTED_REJECTIONS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Tickforge root;

    @CommandLine.Mixin
    KafkaOptions kafka;

    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "The CSV file to replay.")
    Path csv;

    @Option(names = "--symbol", description = "Symbol of the bars, unless the file has a symbol column.")
    String symbol;

    @Option(names = "--topic", defaultValue = "market.bars", description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--speed", defaultValue = "max",
            description = "Bars per second (100), a multiplier of the bars' own spacing (100x), or max (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--interval", converter = DurationConverter.class, defaultValue = "1d",
            description = "Bar length when the file has no time column (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--start", converter = InstantConverter.class, defaultValue = "2000-01-03",
            description = "Start of the first bar when the file has no time column (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--zone", defaultValue = "UTC", description = "Zone of times without an offset (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @CommandLine.Mixin
    PublishOptions publish;

    /** Created by picocli. */
    public ReplayCommand() {
        // fields are injected
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ReplaySpeed replaySpeed;
        ReplayConfig config;
        try {
            replaySpeed = ReplaySpeed.parse(speed);
            config = new ReplayConfig(symbol, start, interval, zone);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, flagged(e.getMessage()), e);
        }
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        RecordCodec<Bar> codec = publish.format().bar();
        Ticker ticker = Ticker.system();
        Pacer pacer = new Pacer(ticker);
        PublishSummary published;
        ReplaySummary read;
        if (!Files.isRegularFile(csv)) {
            throw new CommandLine.ParameterException(cl, "--csv file does not exist or is not a file: " + csv);
        }
        KafkaConnection connection = publish.connect(cl, kafka, root.config(), topic);
        try (CsvBarReader reader = CsvBarReader.open(csv, config);
             StopSignal stop = new StopSignal("replay");
             RecordSender sender = new RecordSender(
                     new KafkaProducer<>(connection.producerProperties("tickforge-replay")), topic, ticker)) {
            out.printf(Locale.ROOT, "Replaying %s to topic %s on %s at speed %s%s.%n", csv, topic,
                    connection.bootstrap(), replaySpeed,
                    reader.synthesisesTimes() ? " (no time column: bars of " + interval + " from " + start + ")" : "");
            out.flush();
            long index = 0;
            long firstStart = 0;
            Optional<CsvRow> row;
            while (!stop.isStopped() && (row = reader.next()).isPresent()) {
                if (row.get() instanceof CsvRow.Accepted accepted) {
                    Bar bar = accepted.bar();
                    if (index == 0) {
                        firstStart = bar.start();
                    }
                    if (!replaySpeed.isMax()) {
                        pacer.awaitOffset(replaySpeed.offsetNanos(index, bar.start() - firstStart));
                    }
                    sender.send(bar.symbol(), codec.encode(bar), List.of());
                    index++;
                } else if (row.get() instanceof CsvRow.Rejected rejected) {
                    report(err, rejected, reader.summary().linesRejected());
                }
            }
            sender.flush();
            published = sender.summary();
            read = reader.summary();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "Read %d lines of %s: %d bars, %d rejected%s.%n", read.linesRead(), csv,
                read.barsAccepted(), read.linesRejected(),
                read.linesRejected() == 0 ? "" : " " + read.rejectionsByReason());
        out.printf(Locale.ROOT, "Sent %d bars to %s: %d acknowledged, %d failed%s, in %.1f s.%n",
                published.sent(), topic, published.acked(), published.failed(),
                published.failed() == 0 ? "" : " " + published.failuresByError(), published.elapsed().toNanos() / 1e9);
        out.flush();
        return published.failed() == 0 ? 0 : Tickforge.EXIT_FAILURE;
    }

    private static void report(PrintWriter err, CsvRow.Rejected rejected, long rejectedSoFar) {
        LOG.debug("line rejected line={} column={} reason={}", rejected.line(), rejected.column(), rejected.reason());
        if (rejectedSoFar <= PRINTED_REJECTIONS) {
            err.println("skipped " + rejected.message());
        } else if (rejectedSoFar == PRINTED_REJECTIONS + 1) {
            err.println("skipped more lines; the summary counts them all");
        }
        err.flush();
    }

    private static String flagged(String message) {
        return message.startsWith("--") ? message : "--" + message;
    }
}
