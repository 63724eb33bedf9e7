package io.tickforge.producer.synth.internal;

import io.tickforge.producer.synth.OutputMode;
import io.tickforge.producer.synth.ServedModel;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.synth.SyntheticHeaders;
import io.tickforge.producer.synth.SyntheticRecord;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.RecordCodec;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.SyntheticStream;
import io.tickforge.timegan.nn.Gemm;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic instruments of one model name: one {@link SyntheticStream} batch with a row per instrument, each
 * instrument's own random sources, last close, event clock and sequence number, and the records of the current bar
 * step waiting to be sent. A new version of the model is taken at the next bar step ({@link #replaceWith}): the
 * instruments keep their names, sequence numbers, prices and event clock; the recurrent state restarts from zero,
 * since the state of one set of weights means nothing to another.
 *
 * <p>Confined to the feed's thread.
 */
public final class ModelSlot {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSlot.class);
    private static final Header SYNTHETIC = new RecordHeader(SyntheticHeaders.SYNTHETIC, utf8("true"));

    private final String name;
    private final SynthConfig synth;
    private final Gemm gemm;
    private final RecordCodec<Tick> tickCodec;
    private final RecordCodec<Bar> barCodec;
    private final DecimalGrid priceGrid;
    private final DecimalGrid lotGrid;
    private final GridJson json;
    private final byte[][] jsonPrefixes;
    private final int[] keySizes;
    private final int n;
    private final String[] instruments;
    private final Header[] streamIds;
    private final SplittableRandom[] noise;
    private final SplittableRandom[] tickRandom;
    private final double[] lastClose;
    private final long[] seq;
    private final Header modelName;
    private final ArrayDeque<SyntheticRecord> queue = new ArrayDeque<>();
    private final byte[] digits = new byte[20];
    private ServedModel model;
    private ServedModel pending;
    private boolean retiring;
    private SyntheticStream stream;
    private MinMaxScaler scaler;
    private Header version;
    private float[] z;
    private long nextBarStart;
    private long bars;

    /**
     * @param model       the model to serve
     * @param synth       instruments, names, output, format, seed
     * @param names       the instruments' names (validated), {@code synth.instruments} of them
     * @param start       the first bar's start, epoch ms
     * @param seqs        sequence numbers to continue, by instrument name (instruments not in it start at 0)
     * @param gemm        the matrix multiply of the feed's thread
     */
    public ModelSlot(ServedModel model, SynthConfig synth, List<String> names, long start, Map<String, Long> seqs,
                     Gemm gemm) {
        this.name = model.name();
        this.synth = synth;
        this.gemm = gemm;
        this.tickCodec = synth.format().tick();
        this.barCodec = synth.format().bar();
        this.priceGrid = new DecimalGrid(synth.priceIncrement());
        this.lotGrid = new DecimalGrid(synth.lotSize());
        this.json = synth.format() == WireFormat.JSON ? new GridJson(priceGrid.scale(), lotGrid.scale()) : null;
        this.n = names.size();
        this.jsonPrefixes = new byte[n][];
        this.keySizes = new int[n];
        this.instruments = names.toArray(new String[0]);
        this.streamIds = new Header[n];
        this.noise = new SplittableRandom[n];
        this.tickRandom = new SplittableRandom[n];
        this.lastClose = new double[n];
        this.seq = new long[n];
        this.modelName = new RecordHeader(SyntheticHeaders.MODEL_NAME, utf8(name));
        for (int i = 0; i < n; i++) {
            long index = (long) synth.firstIndex() + i;
            streamIds[i] = new RecordHeader(SyntheticHeaders.STREAM_ID, utf8(instruments[i]));
            jsonPrefixes[i] = GridJson.prefix(instruments[i]);
            keySizes[i] = SyntheticRecord.utf8Length(instruments[i]);
            noise[i] = new SplittableRandom(Seeds.of(synth.seed(), name, index, Seeds.NOISE));
            tickRandom[i] = new SplittableRandom(Seeds.of(synth.seed(), name, index, Seeds.TICKS));
            SplittableRandom startRandom = new SplittableRandom(Seeds.of(synth.seed(), name, index, Seeds.START));
            lastClose[i] = synth.startPrice() * Math.exp(SynthConfig.START_PRICE_LOG_SPREAD
                    * startRandom.nextGaussian());
            seq[i] = seqs.getOrDefault(instruments[i], 0L);
        }
        this.nextBarStart = start;
        use(model);
    }

    private void use(ServedModel m) {
        this.model = m;
        this.stream = new SyntheticStream(m.checkpoint().model(), n, gemm);
        this.scaler = m.checkpoint().scaler();
        this.version = new RecordHeader(SyntheticHeaders.MODEL_VERSION, utf8(Long.toString(m.version())));
        this.z = new float[n * m.checkpoint().model().config().features()];
    }

    /** @return the model name */
    public String name() {
        return name;
    }

    /** @return the version being generated now */
    public long version() {
        return model.version();
    }

    /** @return the version that will be generated from the next bar step on */
    public long nextVersion() {
        return pending != null ? pending.version() : model.version();
    }

    /**
     * Takes a new version at the next bar step.
     *
     * @param next the new version
     */
    public void replaceWith(ServedModel next) {
        this.pending = next.version() == model.version() ? null : next;
        this.retiring = false;
    }

    /** Stops the slot after the records already generated are sent. */
    public void retire() {
        this.retiring = true;
    }

    /** @return whether the slot is to stop */
    public boolean retiring() {
        return retiring;
    }

    /** @return the records of the current bar step not yet taken */
    public ArrayDeque<SyntheticRecord> queue() {
        return queue;
    }

    /** @return bar steps generated so far */
    public long bars() {
        return bars;
    }

    /**
     * @return the next sequence number of each instrument, by name
     */
    public Map<String, Long> sequences() {
        Map<String, Long> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(instruments[i], seq[i]);
        }
        return m;
    }

    /**
     * Generates the next bar step of every instrument into {@link #queue()}, after taking a pending new version.
     *
     * @return the records generated
     */
    public int refill() {
        if (pending != null) {
            long from = model.version();
            use(pending);
            pending = null;
            LOG.info("model swapped model={} from={} to={} barStart={} instruments={}", name, from, model.version(),
                    nextBarStart, n);
        }
        int d = model.checkpoint().model().config().features();
        for (int i = 0; i < n; i++) {
            SplittableRandom r = noise[i];
            for (int f = 0; f < d; f++) {
                z[i * d + f] = (float) r.nextDouble();
            }
        }
        float[] x = stream.step(z);
        long interval = model.intervalMs();
        long start = nextBarStart;
        FeatureTransform transform = model.transform();
        List<Entry> entries = new ArrayList<>(synth.output() == OutputMode.TICKS ? n * synth.ticksPerBar() : n);
        double[][] row = new double[1][d];
        for (int i = 0; i < n; i++) {
            boolean finite = true;
            for (int f = 0; f < d; f++) {
                double v = scaler.inverse(f, x[i * d + f]);
                finite &= Double.isFinite(v);
                row[0][f] = v;
            }
            if (!finite) {
                LOG.warn("non-finite model output skipped model={} version={} instrument={} barStart={}", name,
                        model.version(), instruments[i], start);
                continue;
            }
            Bar bar = GridBars.snap(transform.inverse(row, instruments[i], start, interval, lastClose[i]).get(0),
                    priceGrid, lotGrid);
            lastClose[i] = bar.close();
            if (synth.output() == OutputMode.BARS) {
                byte[] value = json != null ? json.bar(jsonPrefixes[i], bar) : barCodec.encode(bar);
                entries.add(new Entry(i, bar.end(), bar.start(), value));
            } else {
                for (Tick t : TickExpander.expand(bar, synth.ticksPerBar(), tickRandom[i], priceGrid, lotGrid)) {
                    byte[] value = json != null ? json.tick(jsonPrefixes[i], t) : tickCodec.encode(t);
                    entries.add(new Entry(i, t.ts(), t.ts(), value));
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::releaseAt));
        for (Entry e : entries) {
            long s = seq[e.instrument]++;
            List<Header> headers = List.of(SYNTHETIC, modelName, version, streamIds[e.instrument],
                    new RecordHeader(SyntheticHeaders.STREAM_SEQ, decimal(s)));
            queue.add(new SyntheticRecord(instruments[e.instrument], e.value, e.timestamp, e.releaseAt, headers, name,
                    model.version(), s, keySizes[e.instrument]));
        }
        nextBarStart = Math.addExact(start, interval);
        bars++;
        return entries.size();
    }

    private byte[] decimal(long value) {
        int end = FixedDecimal.writeLong(digits, 0, value);
        return Arrays.copyOf(digits, end);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Entry(int instrument, long releaseAt, long timestamp, byte[] value) {
    }
}
