package io.tickforge.bench.codec;

import io.tickforge.cli.simulate.MarketSimulator;
import io.tickforge.cli.simulate.SimulatorConfig;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.WireFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of putting a tick on the wire: encode and decode per format (JSON is the baseline Avro is compared with
 * in the same run), and the simulator's own cost per tick, so a feed's CPU budget can be read off.
 *
 * <p>Run: {@code java -jar bench/target/tickforge-bench.jar TickCodecBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TickCodecBenchmark {
    @Param({"JSON", "AVRO"})
    public WireFormat format;

    private Tick tick;
    private byte[] encoded;
    private MarketSimulator simulator;

    /** Prepares one realistic tick and its encoding. */
    @Setup
    public void setUp() {
        simulator = new MarketSimulator(SimulatorConfig.defaults(5, 42, 1_700_000_000_000L, 2_000));
        tick = simulator.next();
        encoded = format.tick().encode(tick);
    }

    /** @return the encoded tick */
    @Benchmark
    public byte[] encode() {
        return format.tick().encode(tick);
    }

    /** @return the decoded, validated tick */
    @Benchmark
    public Tick decode() {
        return format.tick().decode(encoded);
    }

    /** @return the next simulated tick (independent of the format) */
    @Benchmark
    public Tick simulate() {
        return simulator.next();
    }
}
