package io.tickforge.bench.producer;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Apache Kafka's own {@link ProducerPerformance} ({@code kafka-producer-perf-test}) in this JVM, against the
 * same broker and with the same producer settings as the producer under test, and reads its closing summary line.
 * Its payloads come from a file of real synthetic record values, so the record sizes match.
 */
final class KafkaPerfTest {
    private static final Pattern TOTAL = Pattern.compile("(\\d+) records sent, ([\\d.,]+) records/sec \\(([\\d.,]+)"
            + " MB/sec\\), ([\\d.,]+) ms avg latency, ([\\d.,]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th,"
            + " (\\d+) ms 99th");

    /**
     * The summary line of one run.
     *
     * @param records          records sent
     * @param recordsPerSecond records per second
     * @param mbPerSecond      value MiB per second, as the tool counts it
     * @param avgLatencyMs     mean send-to-acknowledgement latency
     * @param p99LatencyMs     99th percentile latency
     */
    record Result(long records, double recordsPerSecond, double mbPerSecond, double avgLatencyMs,
                  double p99LatencyMs) {
    }

    private KafkaPerfTest() {
    }

    /**
     * @param topic       the topic to write
     * @param records     how many records
     * @param payloads    a file of newline-separated payloads, picked at random per record
     * @param producer    the producer properties (serializers are the tool's own byte arrays)
     * @return the tool's summary
     * @throws Exception when the tool fails or prints no summary
     */
    static Result run(String topic, long records, Path payloads, Properties producer) throws Exception {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records),
                "--throughput", "-1", "--payload-file", payloads.toString(), "--producer-props"));
        for (String name : producer.stringPropertyNames()) {
            if (!name.equals(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
                    && !name.equals(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
                args.add(name + "=" + producer.getProperty(name));
            }
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        synchronized (KafkaPerfTest.class) {
            System.setOut(new PrintStream(new Tee(captured, original), true, StandardCharsets.UTF_8));
            try {
                ProducerPerformance.main(args.toArray(new String[0]));
            } finally {
                System.out.flush();
                System.setOut(original);
            }
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher m = TOTAL.matcher(output);
        Result last = null;
        while (m.find()) {
            last = new Result(Long.parseLong(m.group(1)), number(m.group(2)), number(m.group(3)), number(m.group(4)),
                    number(m.group(8)));
        }
        if (last == null) {
            throw new IllegalStateException("kafka-producer-perf-test printed no summary:\n" + output);
        }
        return last;
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(",", "."));
    }

    /** Writes to two streams: the capture and the terminal, so the tool's progress stays visible. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
