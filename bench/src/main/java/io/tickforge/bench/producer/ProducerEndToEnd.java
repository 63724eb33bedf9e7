package io.tickforge.bench.producer;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickforge.broker.BrokerConfig;
import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.cli.kafka.Compression;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.producer.ProduceConfig;
import io.tickforge.producer.ProducerKafka;
import io.tickforge.producer.ProducerService;
import io.tickforge.producer.TopicsConfig;
import io.tickforge.producer.follow.ModelsConfig;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.rate.RateConfig;
import io.tickforge.producer.synth.TimeConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The producer's end-to-end benchmark (issue 5's targets), one command that prints a report. One in-process broker
 * serves every part, in one run:
 * <ol>
 *   <li><b>Throughput.</b> The producer service in max pace at rate {@code max} (the default settings otherwise: 10
 *       instruments per model, 10 ticks per bar, JSON ticks with a key and 5 headers, the trainer's default
 *       architecture) against Apache Kafka's own {@code kafka-producer-perf-test} ({@code ProducerPerformance}) with
 *       the same producer properties ({@code acks=all}, idempotent, {@code linger.ms=5}, lz4), twice: its payload
 *       file holds the producer's own first record values, then the same records whole (value, key, header keys and
 *       values run together), since perf-test sends neither keys nor headers. {@value #WARM_UP_ROUNDS} unmeasured
 *       rounds of each first (the JIT compiles broker and client code for several seconds), then {@code rounds}
 *       alternating rounds of {@code records} records each; medians of records/s, MB/s (value bytes, as the tool
 *       counts them) and process CPU per record (the broker included, and split by kind of thread, see
 *       {@link ThreadCpu}), and the ratio (target &gt;= 0.9).</li>
 *   <li><b>Rate accuracy.</b> The producer at 10,000 and 50,000 records/s for {@code seconds} each: the achieved
 *       rate (records handed to Kafka between the first and the last send) and its error against the target
 *       (target &lt;= 1 %), and the p99 publish delay (target &lt;= 5 ms), both as the service's own
 *       {@code tickforge.producer.publish.delay} timer reports it and as measured at the producer seam against the
 *       ideal schedule.</li>
 *   <li><b>Memory.</b> Heap used after a full GC with the broker alone, then twice during the 50,000 records/s run;
 *       the difference is the producer's live heap at steady state.</li>
 * </ol>
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp bench/target/tickforge-bench.jar
 * io.tickforge.bench.producer.ProducerEndToEnd [records] [rounds] [seconds]} (defaults 2,000,000, 5, 60). Prints to
 * stdout: this is a report.
 */
public final class ProducerEndToEnd {
    private static final String MODEL = "timegan-SIM-BENCH";
    private static final Instant START = Instant.parse("2026-01-05T14:30:00Z");
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /** Unmeasured rounds of each side first: the JIT is still compiling broker and client code for several. */
    private static final int WARM_UP_ROUNDS = 2;

    private ProducerEndToEnd() {
    }

    /** One throughput round; {@code cpuByThread}: the process's CPU time per record by kind of thread. */
    private record Round(String who, long records, double seconds, double recordsPerSecond, double mbPerSecond,
                         long failed, Map<String, Double> cpuByThread) {
        /** @return the whole process's CPU time (broker included) per record: the groups add up to it */
        double cpuNanosPerRecord() {
            return cpuByThread.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** One fixed-rate run. */
    private record RateRun(double target, long records, double achieved, double p50DelayMs, double p99DelayMs,
                           double p99LatenessMs, double maxLatenessMs, long failed, List<Long> heap) {
        double error() {
            return Math.abs(achieved - target) / target;
        }
    }

    /**
     * @param args records per throughput round (default 2,000,000), rounds (5), seconds per rate run (60)
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String omp = System.getenv("OMP_NUM_THREADS");
        if (!"1".equals(omp)) {
            throw new IllegalStateException("OMP_NUM_THREADS must be 1, got " + omp);
        }
        Path dir = Files.createTempDirectory("tickforge-bench-producer");
        Path model = dir.resolve("bench.tgan");
        Files.write(model, BenchModel.train(MODEL, 42));
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerConfig.loopback(dir.resolve("broker")))) {
            broker.start();
            KafkaConnection connection = new KafkaConnection(broker.bootstrapServers(), Map.of());
            Properties props = connection.producerProperties("bench", Compression.LZ4);
            long baselineHeap = liveHeap();
            System.out.printf(Locale.ROOT, "broker %s; live heap with the broker alone %.1f MiB%n",
                    broker.bootstrapServers(), baselineHeap / 1048576.0);

            List<ProducerRecord<String, byte[]>> sample = new ArrayList<>();
            Round firstOurs = ours(connection, props, model, "bench.warm.ours.0", records, sample);
            List<byte[]> values = sample.stream().map(ProducerRecord::value).toList();
            Path payloads = payloadFile(dir.resolve("values.txt"), values);
            List<byte[]> wholeRecords = wholeRecords(sample);
            Path wholePayloads = payloadFile(dir.resolve("whole-records.txt"), wholeRecords);
            System.out.println("warm-up: " + firstOurs);
            for (int w = 0; w < WARM_UP_ROUNDS; w++) {
                if (w > 0) {
                    System.out.println("warm-up: " + ours(connection, props, model, "bench.warm.ours." + w, records,
                            null));
                }
                System.out.println("warm-up: " + perf(connection, props, "bench.warm.perf." + w, records, payloads));
                System.out.println("warm-up: " + perf(connection, props, "bench.warm.whole." + w, records,
                        wholePayloads));
            }
            List<Round> ours = new ArrayList<>();
            List<Round> perf = new ArrayList<>();
            List<Round> whole = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ours.add(ours(connection, props, model, "bench.ours." + r, records, null));
                System.out.println(ours.get(r));
                perf.add(perf(connection, props, "bench.perf." + r, records, payloads));
                System.out.println(perf.get(r));
                whole.add(perf(connection, props, "bench.whole." + r, records, wholePayloads));
                System.out.println(whole.get(r));
            }

            List<RateRun> rates = new ArrayList<>();
            for (double target : new double[] {10_000, 50_000}) {
                rates.add(rate(connection, props, model, "bench.rate." + (long) target, target, seconds, false));
                System.out.println(rates.get(rates.size() - 1));
            }
            // the heap is measured in a run of its own: a full GC would show up in the rate runs' delays
            RateRun memory = rate(connection, props, model, "bench.memory", 50_000, Math.max(20, seconds / 2), true);
            System.out.println(memory);
            report(records, rounds, seconds, values, wholeRecords, ours, whole, perf, rates, memory,
                    baselineHeap);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static ProduceConfig config(String topic, Path model, String rate) {
        ProduceConfig defaults = ProduceConfig.defaults();
        return defaults.withTopics(new TopicsConfig(topic, "bench.models"))
                .withModels(new ModelsConfig(Set.of(), model, false))
                .withTime(TimeConfig.max(START))
                .withRate(RateConfig.parse(rate));
    }

    private static ProducerKafka kafka(Producer<String, byte[]> producer) {
        return ProducerKafka.of(producer, () -> {
            throw new IllegalStateException("the benchmark serves a model file and follows no model topic");
        });
    }

    private static Round ours(KafkaConnection connection, Properties props, Path model, String topic, long records,
                              List<ProducerRecord<String, byte[]>> sample) throws InterruptedException {
        Topics.ensure(connection, topic, 3);
        MeasuredProducer producer = new MeasuredProducer(new KafkaProducer<>(props), 0,
                sample == null ? 0 : 10_000);
        ProducerMetrics metrics = new ProducerMetrics(registry(), Clock.systemUTC());
        ProducerService service = new ProducerService(config(topic, model, "max"), kafka(producer), metrics,
                Clock.systemUTC());
        Map<String, Long> threads = ThreadCpu.snapshot();
        service.start();
        while (producer.sent() < records) {
            Thread.sleep(2);
        }
        service.close();
        long end = System.nanoTime();
        Map<String, Double> byThread = ThreadCpu.perRecord(threads, ThreadCpu.snapshot(), producer.sent());
        double s = (end - producer.firstNanos()) / 1e9;
        if (sample != null) {
            sample.addAll(producer.sample());
        }
        long acked = service.sent();
        double valueBytes = producer.sentBytes() * (double) acked / producer.sent();
        return new Round("tickforge produce", acked, s, acked / s, valueBytes / 1048576.0 / s, service.failed(),
                byThread);
    }

    private static Round perf(KafkaConnection connection, Properties props, String topic, long records,
                              Path payloads) throws Exception {
        Topics.ensure(connection, topic, 3);
        Map<String, Long> threads = ThreadCpu.snapshot();
        KafkaPerfTest.Result r = KafkaPerfTest.run(topic, records, payloads, props);
        Map<String, Double> byThread = ThreadCpu.perRecord(threads, ThreadCpu.snapshot(), r.records());
        return new Round("kafka-producer-perf-test " + payloads.getFileName(), r.records(),
                r.records() / r.recordsPerSecond(), r.recordsPerSecond(), r.mbPerSecond(), 0,
                byThread);
    }

    /**
     * Each record's value followed by its key and its headers' keys and values: a payload as long as the record's
     * whole content, and as compressible, for a perf-test that can send neither keys nor headers.
     */
    private static List<byte[]> wholeRecords(List<ProducerRecord<String, byte[]>> records) {
        List<byte[]> out = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> r : records) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(r.value());
            b.writeBytes(r.key().getBytes(StandardCharsets.UTF_8));
            for (Header h : r.headers()) {
                b.writeBytes(h.key().getBytes(StandardCharsets.UTF_8));
                b.writeBytes(h.value());
            }
            out.add(b.toByteArray());
        }
        return out;
    }

    private static RateRun rate(KafkaConnection connection, Properties props, Path model, String topic,
                                double target, int seconds, boolean sampleHeap) throws InterruptedException {
        Topics.ensure(connection, topic, 3);
        MeasuredProducer producer = new MeasuredProducer(new KafkaProducer<>(props), target, 0);
        PrometheusMeterRegistry registry = registry();
        ProducerMetrics metrics = new ProducerMetrics(registry, Clock.systemUTC());
        ProducerService service = new ProducerService(config(topic, model, Long.toString((long) target)),
                kafka(producer), metrics, Clock.systemUTC());
        List<Long> heap = new ArrayList<>();
        service.start();
        while (producer.firstNanos() < 0) {
            Thread.sleep(1);
        }
        long start = producer.firstNanos();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long[] heapAt = sampleHeap ? new long[] {start + (end - start) / 2, end - TimeUnit.SECONDS.toNanos(2)}
                : new long[0];
        int next = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(100);
            if (next < heapAt.length && System.nanoTime() >= heapAt[next]) {
                heap.add(liveHeap());
                next++;
            }
        }
        service.close();
        Timer delay = registry.find(ProducerMetrics.PREFIX + "publish.delay").timer();
        double p50 = percentile(delay, 0.5);
        double p99 = percentile(delay, 0.99);
        double achieved = (producer.sent() - 1) / (producer.sendSpanNanos() / 1e9);
        return new RateRun(target, producer.sent(), achieved, p50, p99, producer.latenessMs(0.99),
                producer.latenessMs(1.0), producer.failed(), heap);
    }

    /** The registry {@code tickforge produce} gives the service, so the meters cost what they cost there. */
    private static PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    private static double percentile(Timer timer, double q) {
        if (timer == null) {
            return Double.NaN;
        }
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            if (Math.abs(v.percentile() - q) < 1e-9) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static Path payloadFile(Path file, List<byte[]> values) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] v : values) {
                for (byte b : v) {
                    if (b == '\n') {
                        throw new IllegalStateException("a value holds a newline; the payload file needs JSON");
                    }
                }
                out.write(v);
                out.write('\n');
            }
        }
        return file;
    }

    private static void row(String who, List<Round> rounds) {
        System.out.printf(Locale.ROOT, "%-44s %,14.0f %9.2f %,16.0f%n", who, median(rounds, Round::recordsPerSecond),
                median(rounds, Round::mbPerSecond), median(rounds, Round::cpuNanosPerRecord));
    }

    private static double medianRatio(List<Round> a, List<Round> b) {
        return median(IntStream.range(0, a.size())
                .mapToDouble(r -> a.get(r).recordsPerSecond() / b.get(r).recordsPerSecond()));
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
        return median(rounds.stream().mapToDouble(f));
    }

    private static double median(DoubleStream values) {
        double[] v = values.sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(long records, int rounds, int seconds, List<byte[]> sample, List<byte[]> whole,
                               List<Round> ours, List<Round> wholeRounds, List<Round> perf, List<RateRun> rates,
                               RateRun memory, long baselineHeap) {
        double meanValue = sample.stream().mapToInt(v -> v.length).average().orElse(0);
        double meanWhole = whole.stream().mapToInt(v -> v.length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%n== producer end-to-end: %,d records x %d rounds after %d warm-up rounds,"
                        + " rate runs of %d s, %d cores, Java %s ==%n", records, rounds, WARM_UP_ROUNDS, seconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf(Locale.ROOT, "records: JSON ticks with a key and 5 headers; values mean %.1f bytes, whole"
                + " records (key, header keys and values, value) mean %.1f bytes; perf-test payloads: the same %d"
                + " values, and the same %d whole records%n", meanValue, meanWhole, sample.size(), whole.size());
        System.out.printf(Locale.ROOT, "%-44s %14s %9s %16s%n", "throughput, median of the rounds", "records/s",
                "MB/s", "CPU ns/record");
        row("tickforge produce", ours);
        row("kafka-producer-perf-test, values", perf);
        row("kafka-producer-perf-test, whole records", wholeRounds);
        double oursRate = median(ours, Round::recordsPerSecond);
        System.out.printf(Locale.ROOT, "ratio to perf-test on values: of the medians %.3f, median of the rounds'"
                        + " ratios %.3f (target >= 0.9)%n", oursRate / median(perf, Round::recordsPerSecond),
                medianRatio(ours, perf));
        System.out.printf(Locale.ROOT, "ratio to perf-test on whole records: of the medians %.3f, median of the"
                        + " rounds' ratios %.3f%n", oursRate / median(wholeRounds, Round::recordsPerSecond),
                medianRatio(ours, wholeRounds));
        System.out.printf(Locale.ROOT, "%-44s %14s %16s %16s%n", "CPU ns/record by thread, median of the rounds",
                "produce", "perf-test values", "whole records");
        for (String g : ThreadCpu.GROUPS) {
            System.out.printf(Locale.ROOT, "%-44s %,14.0f %,16.0f %,16.0f%n", "  " + g,
                    median(ours, x -> x.cpuByThread().get(g)), median(perf, x -> x.cpuByThread().get(g)),
                    median(wholeRounds, x -> x.cpuByThread().get(g)));
        }
        for (int r = 0; r < ours.size(); r++) {
            System.out.printf(Locale.ROOT, "  round %d: produce %,.0f/s (%.0f CPU ns/record, %d failed), perf-test"
                            + " values %,.0f/s (%.0f), whole records %,.0f/s (%.0f)%n", r + 1,
                    ours.get(r).recordsPerSecond(), ours.get(r).cpuNanosPerRecord(), ours.get(r).failed(),
                    perf.get(r).recordsPerSecond(), perf.get(r).cpuNanosPerRecord(),
                    wholeRounds.get(r).recordsPerSecond(), wholeRounds.get(r).cpuNanosPerRecord());
        }
        for (RateRun r : rates) {
            System.out.printf(Locale.ROOT, "rate %,.0f/s for %d s: achieved %,.2f/s, error %.4f %% (target <= 1 %%);"
                            + " publish delay p50 %.3f ms, p99 %.3f ms (target <= 5 ms); at the seam p99 %.2f ms,"
                            + " max %.2f ms late; %d failed%n", r.target(), seconds, r.achieved(), 100 * r.error(),
                    r.p50DelayMs(), r.p99DelayMs(), r.p99LatenessMs(), r.maxLatenessMs(), r.failed());
        }
        System.out.printf(Locale.ROOT, "memory: live heap after a full GC, broker alone %.1f MiB%n",
                baselineHeap / 1048576.0);
        for (long h : memory.heap()) {
            System.out.printf(Locale.ROOT, "  during a %,.0f records/s run: %.1f MiB, the producer's share %.1f MiB%n",
                    memory.target(), h / 1048576.0, (h - baselineHeap) / 1048576.0);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
