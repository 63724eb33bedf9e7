package io.tickforge.cli.replay;

import io.tickforge.cli.Tickforge;
import io.tickforge.cli.TopicReader;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.codec.JsonCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tickforge replay} against a real broker. */
abstract class ReplayCommandContract {

    private final String bootstrap;

    /** @param bootstrap {@code bootstrap.servers} of the cluster under test */
    ReplayCommandContract(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** @return {@code bootstrap.servers} of the cluster under test */
    String bootstrapServers() {
        return bootstrap;
    }

    @Test
    void shouldPublishEveryRowOfTheStockFileAsBarsWhenReplayedAtMaxSpeed() {
        StringWriter out = new StringWriter();

        int code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "replay", "--bootstrap", bootstrapServers(), "--csv", SharedData.stockDataCsv().toString(),
                "--symbol", "GOOG", "--topic", "bars-goog", "--speed", "max");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrapServers(), "bars-goog", 3_685);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("3685 bars, 0 rejected").contains("3685 acknowledged, 0 failed");
        assertThat(records).hasSize(3_685).allSatisfy(r -> assertThat(r.key()).isEqualTo("GOOG"));
        List<Bar> bars = records.stream().map(r -> JsonCodec.bar().decode(r.value())).toList();
        assertThat(bars.get(0).open()).isEqualTo(49.676899);
        assertThat(bars).isSortedAccordingTo((x, y) -> Long.compare(x.start(), y.start()));
    }

    @Test
    void shouldSkipCountAndReportMalformedLinesAndKeepTheGoodOnes(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "Open,High,Low,Close,Volume\n"
                + "10,11,9,10.5,100\n"
                + "10,abc,9,10.5,100\n"
                + "10,8,9,10.5,100\n"
                + "10.5,12,10,11,200\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "replay", "--bootstrap", bootstrapServers(), "--csv", csv.toString(),
                "--symbol", "TEST", "--topic", "bars-bad", "--speed", "1000", "--format", "avro");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrapServers(), "bars-bad", 2);
        assertThat(code).isZero();
        assertThat(err.toString()).contains("line 3").contains("line 4");
        assertThat(out.toString()).contains("2 bars, 2 rejected");
        assertThat(records).hasSize(2);
        assertThat(AvroCodec.bar().decode(records.get(1).value()).close()).isEqualTo(11.0);
    }
}
