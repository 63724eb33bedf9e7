package io.tickforge.producer.synth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.producer.follow.ModelBoard;
import io.tickforge.producer.follow.ModelRejectedException;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.testing.FakeTime;
import io.tickforge.producer.testing.TestModels;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.nn.Gemm;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticFeedTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int TICKS_PER_BAR = 5;

    private final FakeTime time = new FakeTime(Instant.parse("2026-03-04T10:11:12.345Z"));
    private final ModelBoard board = new ModelBoard();
    private final ProducerMetrics metrics = new ProducerMetrics(new SimpleMeterRegistry(), time);
    private SynthConfig synth = SynthConfig.defaults().withInstruments(3).withTicksPerBar(TICKS_PER_BAR);
    private TimeConfig timeConfig = TimeConfig.max(START);

    private SyntheticFeed feed() {
        return new SyntheticFeed(synth, timeConfig, board, time, Gemm::plainJava, metrics);
    }

    private void serve(TestModels.Spec spec) {
        try {
            board.offer(ServedModel.of(spec.checkpoint(), synth.barInterval()));
        } catch (ModelRejectedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<SyntheticRecord> take(SyntheticFeed feed, int n) {
        List<SyntheticRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SyntheticRecord r = feed.next();
            assertThat(r).as("record %d", i).isNotNull();
            out.add(r);
        }
        return out;
    }

    static String header(SyntheticRecord r, String name) {
        String value = null;
        for (Header h : r.headers()) {
            if (h.key().equals(name)) {
                assertThat(value).as("one %s header", name).isNull();
                value = new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    private static Map<String, List<SyntheticRecord>> byInstrument(List<SyntheticRecord> records) {
        Map<String, List<SyntheticRecord>> m = new LinkedHashMap<>();
        records.forEach(r -> m.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return m;
    }

    private static List<String> values(List<SyntheticRecord> records) {
        return records.stream().map(r -> r.key() + "=" + Arrays.toString(r.value()) + "@" + r.timestamp()
                + r.headers().stream().map(h -> h.key() + ":" + new String(h.value(), StandardCharsets.UTF_8))
                .toList()).toList();
    }

    private static List<String> payloads(List<SyntheticRecord> records) {
        return records.stream().map(r -> Arrays.toString(r.value())).toList();
    }

    @Test
    void shouldReturnNothingWhenNoModelIsServed() {
        assertThat(feed().next()).isNull();
    }

    @Test
    void shouldKeyEveryRecordByItsInstrumentAndMarkItSyntheticWhenGenerated() {
        serve(TestModels.spec().version(3));

        List<SyntheticRecord> records = take(feed(), 60);

        assertThat(records).extracting(SyntheticRecord::key)
                .containsOnly("SYN-SIM-XHJ-0001", "SYN-SIM-XHJ-0002", "SYN-SIM-XHJ-0003");
        assertThat(records).allSatisfy(r -> {
            Tick t = WireFormat.JSON.tick().decode(r.value());
            assertThat(t.symbol()).isEqualTo(r.key());
            assertThat(r.timestamp()).isEqualTo(t.ts());
            assertThat(header(r, SyntheticHeaders.SYNTHETIC)).isEqualTo("true");
            assertThat(header(r, SyntheticHeaders.MODEL_NAME)).isEqualTo(TestModels.NAME);
            assertThat(header(r, SyntheticHeaders.MODEL_VERSION)).isEqualTo("3");
            assertThat(header(r, SyntheticHeaders.STREAM_ID)).isEqualTo(r.key());
            assertThat(header(r, SyntheticHeaders.STREAM_SEQ)).isEqualTo(Long.toString(r.seq()));
        });
    }

    @Test
    void shouldNumberEachInstrumentsRecordsFromZeroWithoutGapsWhenGenerated() {
        serve(TestModels.spec());

        Map<String, List<SyntheticRecord>> streams = byInstrument(take(feed(), 300));

        assertThat(streams).hasSize(3);
        streams.values().forEach(s -> {
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.get(i).seq()).isEqualTo(i);
            }
        });
    }

    @Test
    void shouldAdvanceEventTimeByTheBarIntervalPerBarWhenPublishingBars() {
        synth = synth.withOutput(OutputMode.BARS);
        serve(TestModels.spec().window(TestModels.window(100, 250, 1)));

        Map<String, List<SyntheticRecord>> streams = byInstrument(take(feed(), 30));

        streams.values().forEach(s -> {
            for (int k = 0; k < s.size(); k++) {
                Bar bar = WireFormat.JSON.bar().decode(s.get(k).value());
                assertThat(bar.start()).isEqualTo(START.toEpochMilli() + 250L * k);
                assertThat(bar.intervalMs()).isEqualTo(250);
                assertThat(s.get(k).timestamp()).isEqualTo(bar.start());
                assertThat(s.get(k).releaseAt()).isEqualTo(bar.end());
            }
        });
    }

    @Test
    void shouldExpandEachBarIntoTicksConsistentWithItWhenPublishingTicks() {
        serve(TestModels.spec());
        synth = synth.withOutput(OutputMode.BARS);
        Map<String, List<SyntheticRecord>> bars = byInstrument(take(feed(), 3 * 40));
        synth = synth.withOutput(OutputMode.TICKS);
        Map<String, List<SyntheticRecord>> ticks = byInstrument(take(feed(), 3 * 40 * TICKS_PER_BAR));

        assertThat(ticks.keySet()).isEqualTo(bars.keySet());
        for (String instrument : bars.keySet()) {
            List<SyntheticRecord> b = bars.get(instrument);
            List<SyntheticRecord> t = ticks.get(instrument);
            assertThat(t).hasSize(b.size() * TICKS_PER_BAR);
            for (int k = 0; k < b.size(); k++) {
                Bar bar = WireFormat.JSON.bar().decode(b.get(k).value());
                List<Tick> ofBar = t.subList(k * TICKS_PER_BAR, (k + 1) * TICKS_PER_BAR).stream()
                        .map(r -> WireFormat.JSON.tick().decode(r.value())).toList();
                assertThat(ofBar.get(0).price()).isEqualTo(bar.open());
                assertThat(ofBar.get(TICKS_PER_BAR - 1).price()).isEqualTo(bar.close());
                assertThat(ofBar.stream().mapToDouble(Tick::price).max().orElseThrow()).isEqualTo(bar.high());
                assertThat(ofBar.stream().mapToDouble(Tick::price).min().orElseThrow()).isEqualTo(bar.low());
                assertThat(ofBar.stream().mapToDouble(Tick::size).sum()).isCloseTo(bar.volume(),
                        within(1e-9 * Math.max(1, bar.volume())));
                assertThat(ofBar).allSatisfy(tick -> assertThat(tick.ts()).isBetween(bar.start(), bar.end() - 1));
            }
        }
    }

    @Test
    void shouldReleaseRecordsInEventTimeOrderWhenModelsHaveDifferentIntervals() {
        serve(TestModels.spec());
        serve(TestModels.spec().name("timegan-SIM-QQQ").window(TestModels.window(100, 250, 1)));

        List<SyntheticRecord> records = take(feed(), 600);

        assertThat(records).extracting(SyntheticRecord::releaseAt).isSorted();
        assertThat(records).extracting(SyntheticRecord::model).contains(TestModels.NAME, "timegan-SIM-QQQ");
    }

    @Test
    void shouldGiveIdenticalBytesWhenRunTwiceWithTheSameSeed() {
        serve(TestModels.spec());

        assertThat(values(take(feed(), 400))).isEqualTo(values(take(feed(), 400)));
    }

    @Test
    void shouldGiveDifferentValuesWhenTheSeedDiffers() {
        serve(TestModels.spec());
        List<String> first = values(take(feed(), 50));
        synth = synth.withSeed(43);

        List<String> second = values(take(feed(), 50));

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isNotEqualTo(first.get(i));
        }
    }

    @Test
    void shouldGiveAnInstrumentTheSameStreamWhenOtherInstrumentsChange() {
        synth = synth.withOutput(OutputMode.BARS).withInstruments(5);
        serve(TestModels.spec());
        List<SyntheticRecord> all = byInstrument(take(feed(), 5 * 20)).get("SYN-SIM-XHJ-0004");
        synth = synth.withInstruments(2).withFirstIndex(4);

        List<SyntheticRecord> range = byInstrument(take(feed(), 2 * 20)).get("SYN-SIM-XHJ-0004");

        assertThat(values(range)).isEqualTo(values(all));
    }

    @Test
    void shouldSwapBetweenBarsWithoutLosingOrRepeatingRecordsWhenANewVersionArrives() throws Exception {
        serve(TestModels.spec());
        SyntheticFeed feed = feed();
        List<SyntheticRecord> before = take(feed, 37);
        serve(TestModels.spec().version(2).weightSeed(99));
        List<SyntheticRecord> after = take(feed, 90);
        List<SyntheticRecord> all = new ArrayList<>(before);
        all.addAll(after);

        byInstrument(all).forEach((instrument, s) -> {
            int firstV2 = -1;
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.get(i).seq()).as("%s record %d", instrument, i).isEqualTo(i);
                String version = header(s.get(i), SyntheticHeaders.MODEL_VERSION);
                if (firstV2 < 0 && version.equals("2")) {
                    firstV2 = i;
                }
                assertThat(version).as("%s record %d", instrument, i).isEqualTo(firstV2 >= 0 ? "2" : "1");
                if (i > 0) {
                    assertThat(s.get(i).timestamp()).isGreaterThanOrEqualTo(s.get(i - 1).timestamp());
                }
            }
            assertThat(firstV2).as("%s swapped", instrument).isPositive();
            assertThat(firstV2 % TICKS_PER_BAR).as("%s swapped at a bar boundary", instrument).isZero();
        });
        // the new version really generates: its records differ from what the old version would have given
        board.remove(TestModels.NAME);
        ModelBoard reference = new ModelBoard();
        reference.offer(ServedModel.of(TestModels.spec().checkpoint(), synth.barInterval()));
        List<SyntheticRecord> unswapped = take(new SyntheticFeed(synth, timeConfig, reference, time, Gemm::plainJava,
                metrics), all.size());
        assertThat(values(unswapped.subList(0, 37))).isEqualTo(values(before));
        assertThat(payloads(unswapped.subList(all.size() - 15, all.size())))
                .doesNotContainAnyElementsOf(payloads(all.subList(all.size() - 15, all.size())));
    }

    @Test
    void shouldStopARemovedModelAfterItsBarAndContinueItsSequencesWhenItReturns() throws Exception {
        serve(TestModels.spec());
        SyntheticFeed feed = feed();
        take(feed, 7);
        board.remove(TestModels.NAME);
        List<SyntheticRecord> rest = new ArrayList<>();
        for (SyntheticRecord r = feed.next(); r != null; r = feed.next()) {
            rest.add(r);
        }
        assertThat(rest).hasSize(3 * TICKS_PER_BAR - 7);
        assertThat(feed.serving()).isEmpty();

        serve(TestModels.spec().version(5));
        List<SyntheticRecord> back = take(feed, 3 * TICKS_PER_BAR);

        assertThat(byInstrument(back).values()).allSatisfy(s -> assertThat(s.get(0).seq()).isEqualTo(TICKS_PER_BAR));
    }

    @Test
    void shouldStartANewModelAtTheCurrentEventTimeWhenItArrivesLater() throws Exception {
        serve(TestModels.spec());
        SyntheticFeed feed = feed();
        List<SyntheticRecord> first = take(feed, 3 * TICKS_PER_BAR * 10);
        long frontier = first.get(first.size() - 1).releaseAt();

        serve(TestModels.spec().name("timegan-SIM-QQQ"));
        List<SyntheticRecord> later = take(feed, 200);

        assertThat(later.stream().filter(r -> r.model().equals("timegan-SIM-QQQ")).findFirst().orElseThrow()
                .timestamp()).isGreaterThanOrEqualTo(frontier);
    }

    @Test
    void shouldStartAtNowAlignedToTheBarIntervalWhenPaceIsRealtime() {
        timeConfig = TimeConfig.defaults();
        synth = synth.withOutput(OutputMode.BARS);
        serve(TestModels.spec());

        Bar bar = WireFormat.JSON.bar().decode(feed().next().value());

        assertThat(bar.start()).isEqualTo(Instant.parse("2026-03-04T10:11:12Z").toEpochMilli());
    }

    @Test
    void shouldStartLogReturnInstrumentsAroundTheStartPriceWhenGenerated() {
        synth = synth.withOutput(OutputMode.BARS).withInstruments(50).withStartPrice(250);
        serve(TestModels.spec());

        List<SyntheticRecord> firstBars = take(feed(), 50);

        double[] opens = firstBars.stream().mapToDouble(r -> WireFormat.JSON.bar().decode(r.value()).open()).toArray();
        assertThat(Arrays.stream(opens).boxed().toList())
                .allSatisfy(o -> assertThat(o).isBetween(250 * Math.exp(-1.25), 250 * Math.exp(1.25)));
        assertThat(Arrays.stream(opens).distinct().count()).as("each instrument its own level").isEqualTo(50);
        double meanLog = Arrays.stream(opens).map(Math::log).average().orElseThrow();
        assertThat(meanLog).isCloseTo(Math.log(250), within(0.15));
    }

    @Test
    void shouldWriteAvroWhenTheFormatIsAvro() {
        synth = synth.withFormat(WireFormat.AVRO);
        serve(TestModels.spec());

        SyntheticRecord r = feed().next();

        assertThat(WireFormat.AVRO.tick().decode(r.value()).symbol()).isEqualTo(r.key());
    }

    @Test
    void shouldUseTheModelsBarIntervalWhenTheDataWindowTellsIt() {
        synth = synth.withOutput(OutputMode.BARS).withInstruments(1).withBarInterval(Duration.ofMinutes(5));
        serve(TestModels.spec().window(TestModels.window(100, 100, 1)));

        List<SyntheticRecord> bars = take(feed(), 2);

        assertThat(bars.get(1).timestamp() - bars.get(0).timestamp()).isEqualTo(100);
    }

    private static boolean multipleOf(double value, String step) {
        return new java.math.BigDecimal(Double.toString(value)).remainder(new java.math.BigDecimal(step))
                .signum() == 0;
    }

    @Test
    void shouldPutTickPricesOnTheIncrementAndSizesInLotsWhenConfigured() {
        synth = synth.withPriceIncrement(0.05).withLotSize(10);
        serve(TestModels.spec());

        for (SyntheticRecord r : take(feed(), 3 * 20 * TICKS_PER_BAR)) {
            Tick t = WireFormat.JSON.tick().decode(r.value());

            assertThat(List.of(t.price(), t.bid(), t.ask())).allSatisfy(p ->
                    assertThat(multipleOf(p, "0.05")).as("%s", new String(r.value(), StandardCharsets.UTF_8)).isTrue());
            assertThat(multipleOf(t.size(), "10")).as("%s", t).isTrue();
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContainPattern("\\.\\d{3}");
        }
    }

    @Test
    void shouldPutBarPricesOnTheIncrementAndVolumesInLotsWhenPublishingBars() {
        synth = synth.withOutput(OutputMode.BARS).withPriceIncrement(0.25).withLotSize(100);
        serve(TestModels.spec());

        for (SyntheticRecord r : take(feed(), 3 * 20)) {
            Bar b = WireFormat.JSON.bar().decode(r.value());

            assertThat(List.of(b.open(), b.high(), b.low(), b.close())).allSatisfy(p ->
                    assertThat(multipleOf(p, "0.25")).as("%s", b).isTrue());
            assertThat(multipleOf(b.volume(), "100")).as("%s", b).isTrue();
        }
    }

    @Test
    void shouldRoundAvroTicksToTheSameGridWhenTheFormatIsAvro() {
        synth = synth.withFormat(WireFormat.AVRO);
        serve(TestModels.spec());
        List<SyntheticRecord> avro = take(feed(), 30);
        synth = synth.withFormat(WireFormat.JSON);
        List<SyntheticRecord> json = take(feed(), 30);

        for (int i = 0; i < avro.size(); i++) {
            assertThat(WireFormat.AVRO.tick().decode(avro.get(i).value()))
                    .isEqualTo(WireFormat.JSON.tick().decode(json.get(i).value()));
        }
    }
}
