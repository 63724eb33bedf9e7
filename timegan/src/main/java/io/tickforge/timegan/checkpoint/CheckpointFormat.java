package io.tickforge.timegan.checkpoint;

import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.codec.JsonCodec;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.Adam;
import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.Param;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** The byte layout documented on {@link Checkpoint}: writer and reader. */
final class CheckpointFormat {

    static final byte[] MAGIC = {'T', 'G', 'A', 'N'};
    static final int HEADER_BYTES = 48;
    static final List<String> OPTIMISER_NAMES = List.of("E0", "E", "D", "G", "GS");

    private CheckpointFormat() {
    }

    // ---------------------------------------------------------------- writing

    static byte[] write(Checkpoint checkpoint) {
        TimeGan model = checkpoint.model();
        TimeGanConfig c = model.config();
        Out out = new Out();
        out.bytes(JsonCodec.modelMetadata().encode(checkpoint.metadata()));
        out.i32(c.features());
        out.i32(c.hidden());
        out.i32(c.layers());
        out.i32(c.steps());
        out.i32(c.batch());
        out.f64(c.gamma());
        out.f64(c.discriminatorThreshold());
        AdamConfig a = c.adam();
        out.f64(a.learningRate());
        out.f64(a.beta1());
        out.f64(a.beta2());
        out.f64(a.epsilon());
        out.f64(a.clipNorm());
        out.f64(a.weightDecay());
        out.string(c.init().name());
        out.string(c.cell().name());
        out.i32(c.iterationsPerPhase());
        out.i64(c.seed());
        TrainingData data = checkpoint.trainingData();
        out.string(data.source());
        out.i64(data.firstRow());
        out.i64(data.rows());
        MinMaxScaler scaler = checkpoint.scaler();
        out.i32(scaler.features());
        for (double v : scaler.mins()) {
            out.f64(v);
        }
        for (double v : scaler.maxs()) {
            out.f64(v);
        }
        List<Param> params = weights(model);
        out.i32(params.size());
        for (Param p : params) {
            out.tensor(p.name(), p.rows(), p.cols(), p.value());
        }
        out.u8(checkpoint.hasOptimiserState() ? 1 : 0);
        if (checkpoint.hasOptimiserState()) {
            List<Adam> optimisers = model.optimisers();
            for (int o = 0; o < optimisers.size(); o++) {
                Adam adam = optimisers.get(o);
                out.string(OPTIMISER_NAMES.get(o));
                out.i64(adam.steps());
                out.i32(adam.params().size());
                for (int i = 0; i < adam.params().size(); i++) {
                    Param p = adam.params().get(i);
                    out.tensor(p.name() + ".m", p.rows(), p.cols(), adam.firstMoment(i));
                    out.tensor(p.name() + ".v", p.rows(), p.cols(), adam.secondMoment(i));
                }
            }
        }
        byte[] body = out.toByteArray();
        return frame(Checkpoint.FORMAT_VERSION, body);
    }

    /** Prepends the header to a body. */
    static byte[] frame(int version, byte[] body) {
        ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + body.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put(MAGIC);
        file.putInt(version);
        file.putLong(body.length);
        file.put(sha256(body));
        file.put(body);
        return file.array();
    }

    static List<Param> weights(TimeGan model) {
        List<Param> all = new ArrayList<>();
        all.addAll(model.embedder().params());
        all.addAll(model.recovery().params());
        all.addAll(model.generator().params());
        all.addAll(model.supervisor().params());
        all.addAll(model.discriminator().params());
        return all;
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---------------------------------------------------------------- reading

    static Checkpoint read(byte[] file, Gemm gemm) throws CheckpointException {
        if (file.length < HEADER_BYTES) {
            if (file.length >= MAGIC.length && !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw notACheckpoint(file);
            }
            throw new CheckpointException("checkpoint is truncated: " + file.length + " bytes, the header alone is "
                    + HEADER_BYTES);
        }
        if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw notACheckpoint(file);
        }
        ByteBuffer header = ByteBuffer.wrap(file, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.position(MAGIC.length);
        int version = header.getInt();
        if (version != Checkpoint.FORMAT_VERSION) {
            throw new CheckpointException("unsupported checkpoint format version " + version
                    + "; this tickforge reads version " + Checkpoint.FORMAT_VERSION);
        }
        long declared = header.getLong();
        byte[] expectedSha = new byte[32];
        header.get(expectedSha);
        long actual = file.length - HEADER_BYTES;
        if (actual < declared) {
            throw new CheckpointException("checkpoint is truncated: the header declares a body of " + declared
                    + " bytes, found " + actual);
        }
        if (actual > declared) {
            throw new CheckpointException("checkpoint is corrupt: " + (actual - declared)
                    + " unexpected bytes after the declared body of " + declared + " bytes");
        }
        byte[] body = Arrays.copyOfRange(file, HEADER_BYTES, file.length);
        byte[] sha = sha256(body);
        if (!MessageDigest.isEqual(sha, expectedSha)) {
            HexFormat hex = HexFormat.of();
            throw new CheckpointException("checkpoint is corrupt: SHA-256 of the body is " + hex.formatHex(sha)
                    + " but the header says " + hex.formatHex(expectedSha));
        }
        In in = new In(body);
        try {
            return readBody(in, version, gemm);
        } catch (BufferUnderflowException e) {
            throw new CheckpointException("checkpoint is corrupt: section " + in.section + " ends early at body byte "
                    + in.buf.position(), e);
        }
    }

    private static CheckpointException notACheckpoint(byte[] file) {
        byte[] found = Arrays.copyOf(file, Math.min(MAGIC.length, file.length));
        return new CheckpointException("not a tickforge checkpoint: expected magic \"TGAN\", found 0x"
                + HexFormat.of().formatHex(found));
    }

    private static Checkpoint readBody(In in, int version, Gemm gemm) throws CheckpointException {
        in.section = "metadata";
        ModelMetadata metadata;
        try {
            metadata = JsonCodec.modelMetadata().decode(in.bytes());
        } catch (InvalidRecordException e) {
            throw new CheckpointException("checkpoint metadata is invalid: " + e.getMessage(), e);
        }
        if (metadata.formatVersion() != version) {
            throw new CheckpointException("checkpoint is inconsistent: metadata.formatVersion is "
                    + metadata.formatVersion() + " but the header says " + version);
        }
        in.section = "config";
        TimeGanConfig config;
        try {
            int features = in.i32();
            int hidden = in.i32();
            int layers = in.i32();
            int steps = in.i32();
            int batch = in.i32();
            double gamma = in.f64();
            double threshold = in.f64();
            AdamConfig adam = new AdamConfig(in.f64(), in.f64(), in.f64(), in.f64(), in.f64(), in.f64());
            String initName = in.string();
            GruInit init;
            try {
                init = GruInit.valueOf(initName);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException("checkpoint config is invalid: init must be one of "
                        + Arrays.toString(GruInit.values()) + ", got '" + initName + "'", e);
            }
            String cellName = in.string();
            RecurrentCell cell;
            try {
                cell = RecurrentCell.valueOf(cellName);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException("checkpoint config is invalid: cell must be one of "
                        + Arrays.toString(RecurrentCell.values()) + ", got '" + cellName + "'", e);
            }
            int iterationsPerPhase = in.i32();
            long seed = in.i64();
            config = new TimeGanConfig(features, hidden, layers, steps, batch, gamma, threshold, adam, init, cell,
                    iterationsPerPhase, seed);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint config is invalid: " + e.getMessage(), e);
        }
        in.section = "training data";
        TrainingData trainingData;
        try {
            trainingData = new TrainingData(in.string(), in.i64(), in.i64());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint training data is invalid: " + e.getMessage(), e);
        }
        in.section = "scaler";
        MinMaxScaler scaler;
        try {
            int d = in.count("scaler features");
            double[] mins = new double[d];
            double[] maxs = new double[d];
            for (int f = 0; f < d; f++) {
                mins[f] = in.f64();
            }
            for (int f = 0; f < d; f++) {
                maxs[f] = in.f64();
            }
            scaler = MinMaxScaler.of(mins, maxs);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint scaler is invalid: " + e.getMessage(), e);
        }

        // the initial weights are overwritten; seeding keeps construction deterministic anyway
        TimeGan model = new TimeGan(config, new SplittableRandom(metadata.seed()), gemm);
        in.section = "weights";
        List<Param> params = weights(model);
        int count = in.count("weight tensors");
        if (count != params.size()) {
            throw new CheckpointException("checkpoint does not match its config: it holds " + count
                    + " weight tensors, the config needs " + params.size());
        }
        for (Param p : params) {
            in.tensorInto(p.name(), p.rows(), p.cols(), p.value());
        }
        in.section = "optimisers";
        int flag = in.u8();
        if (flag != 0 && flag != 1) {
            throw new CheckpointException("checkpoint is corrupt: optimiser flag must be 0 or 1, got " + flag);
        }
        if (flag == 1) {
            List<Adam> optimisers = model.optimisers();
            for (int o = 0; o < optimisers.size(); o++) {
                Adam adam = optimisers.get(o);
                String name = in.string();
                if (!name.equals(OPTIMISER_NAMES.get(o))) {
                    throw new CheckpointException("checkpoint does not match its config: expected optimiser "
                            + OPTIMISER_NAMES.get(o) + ", found '" + name + "'");
                }
                long steps = in.i64();
                if (steps < 0) {
                    throw new CheckpointException("checkpoint is corrupt: optimiser " + name + " steps must be >= 0,"
                            + " got " + steps);
                }
                adam.restoreSteps(steps);
                int n = in.count("optimiser " + name + " parameters");
                if (n != adam.params().size()) {
                    throw new CheckpointException("checkpoint does not match its config: optimiser " + name
                            + " holds " + n + " parameters, the config needs " + adam.params().size());
                }
                for (int i = 0; i < n; i++) {
                    Param p = adam.params().get(i);
                    in.tensorInto(p.name() + ".m", p.rows(), p.cols(), adam.firstMoment(i));
                    in.tensorInto(p.name() + ".v", p.rows(), p.cols(), adam.secondMoment(i));
                }
            }
        }
        if (in.buf.hasRemaining()) {
            throw new CheckpointException("checkpoint is corrupt: " + in.buf.remaining()
                    + " bytes left after the last section");
        }
        try {
            return new Checkpoint(model, scaler, metadata, trainingData, flag == 1);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint is inconsistent: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- primitives

    /** Little-endian writer. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void u8(int v) {
            bytes.write(v);
        }

        void i32(int v) {
            scratch.clear();
            scratch.putInt(v);
            bytes.write(scratch.array(), 0, 4);
        }

        void i64(long v) {
            scratch.clear();
            scratch.putLong(v);
            bytes.write(scratch.array(), 0, 8);
        }

        void f64(double v) {
            i64(Double.doubleToRawLongBits(v));
        }

        void bytes(byte[] b) {
            i32(b.length);
            bytes.write(b, 0, b.length);
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void tensor(String name, int rows, int cols, float[] values) {
            string(name);
            i32(rows);
            i32(cols);
            ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(values);
            bytes.write(data.array(), 0, data.capacity());
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    /** Little-endian reader; underflow surfaces as {@link BufferUnderflowException}. */
    private static final class In {
        private final ByteBuffer buf;
        private String section = "header";

        In(byte[] body) {
            this.buf = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        }

        int u8() {
            return buf.get() & 0xff;
        }

        int i32() {
            return buf.getInt();
        }

        long i64() {
            return buf.getLong();
        }

        double f64() {
            return buf.getDouble();
        }

        int count(String what) throws CheckpointException {
            int n = buf.getInt();
            if (n < 0 || n > buf.remaining()) {
                throw new CheckpointException("checkpoint is corrupt: " + what + " count " + n
                        + " is negative or exceeds the " + buf.remaining() + " bytes left in section " + section);
            }
            return n;
        }

        byte[] bytes() throws CheckpointException {
            byte[] b = new byte[count("byte")];
            buf.get(b);
            return b;
        }

        String string() throws CheckpointException {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void tensorInto(String expectedName, int rows, int cols, float[] target) throws CheckpointException {
            String name = string();
            if (!name.equals(expectedName)) {
                throw new CheckpointException("checkpoint does not match its config: expected tensor "
                        + expectedName + ", found '" + name + "'");
            }
            int r = buf.getInt();
            int c = buf.getInt();
            if (r != rows || c != cols) {
                throw new CheckpointException("checkpoint does not match its config: tensor " + name + " has shape "
                        + r + "x" + c + " but the config needs " + rows + "x" + cols);
            }
            buf.asFloatBuffer().get(target);
            buf.position(buf.position() + target.length * Float.BYTES);
        }
    }
}
