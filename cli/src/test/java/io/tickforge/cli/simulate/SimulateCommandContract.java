package io.tickforge.cli.simulate;

import io.tickforge.cli.Tickforge;
import io.tickforge.cli.TopicReader;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.JsonCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tickforge simulate} against a real broker: count, validity, keys and seeded reproducibility. */
abstract class SimulateCommandContract {

    private final String bootstrap;

    /** @param bootstrap {@code bootstrap.servers} of the cluster under test */
    SimulateCommandContract(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** @return {@code bootstrap.servers} of the cluster under test */
    String bootstrapServers() {
        return bootstrap;
    }

    private int simulate(String topic, String seed, StringWriter out) {
        return Tickforge.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "simulate", "--bootstrap", bootstrapServers(), "--topic", topic, "--symbols", "3",
                "--rate", "500", "--seed", seed, "--duration", "2s");
    }

    @Test
    void shouldPublishRateTimesDurationValidTicksKeyedBySymbolWhenRunForADuration() {
        StringWriter out = new StringWriter();

        int code = simulate("sim-count", "7", out);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrapServers(), "sim-count", 1_000);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Sent 1000 ticks").contains("1000 acknowledged, 0 failed");
        assertThat(records).hasSize(1_000);
        assertThat(records).allSatisfy(r -> assertThat(JsonCodec.tick().decode(r.value()).symbol()).isEqualTo(r.key()));
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(3);
    }

    @Test
    void shouldReproducePricesAndSizesWhenRunAgainWithTheSameSeed() {
        simulate("sim-seed-a", "7", new StringWriter());
        simulate("sim-seed-b", "7", new StringWriter());
        simulate("sim-seed-c", "8", new StringWriter());

        Map<String, List<String>> a = pricesAndSizesBySymbol(TopicReader.readAll(bootstrapServers(), "sim-seed-a", 1_000));
        Map<String, List<String>> b = pricesAndSizesBySymbol(TopicReader.readAll(bootstrapServers(), "sim-seed-b", 1_000));
        Map<String, List<String>> c = pricesAndSizesBySymbol(TopicReader.readAll(bootstrapServers(), "sim-seed-c", 1_000));
        assertThat(a).hasSize(3).isEqualTo(b);
        assertThat(a.values()).allSatisfy(ticks -> assertThat(ticks).hasSizeGreaterThan(300));
        assertThat(c).isNotEqualTo(a);
    }

    /** Kafka orders records per partition, and a symbol always lands on one: compare each symbol's sequence. */
    private static Map<String, List<String>> pricesAndSizesBySymbol(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> JsonCodec.tick().decode(r.value())).collect(Collectors.groupingBy(
                Tick::symbol, TreeMap::new,
                Collectors.mapping(t -> t.price() + " " + t.size() + " " + t.bid() + " " + t.ask(), Collectors.toList())));
    }
}
