package io.tickforge.cli.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickforge.cli.Tickforge;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.sample.SampleCsv;
import io.tickforge.timegan.sample.SampleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** train, sample and evaluate as a user runs them, at toy sizes. */
class ModelCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Tickforge.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int train(Path model, Path report) {
        return run("train", "--csv", "sine:300x8x3", "--out", model.toString(), "--iterations", "5", "--seq-len", "8",
                "--hidden", "6", "--layers", "2", "--batch", "16", "--seed", "3", "--recipe", "reference", "--report",
                report.toString());
    }

    @Test
    void shouldWriteAModelFileAndAReportWithMsPerIterationPerPhase(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.tgan");
        Path report = dir.resolve("r.json");

        int code = train(model, report);

        assertThat(code).as(err.toString()).isZero();
        Checkpoint c = Checkpoint.load(model, Gemm.openBlas());
        assertThat(c.metadata().featureNames()).containsExactly("f0", "f1", "f2");
        assertThat(c.metadata().seed()).isEqualTo(3);
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.get("phases")).hasSize(3);
        assertThat(r.get("phases").get(2).get("msPerIterationMedian").asDouble()).isPositive();
        assertThat(r.get("wallSeconds").asDouble()).isPositive();
    }

    @Test
    void shouldTrainABitIdenticalModelWhenRunAgainWithTheSameSeed(@TempDir Path dir) throws Exception {
        train(dir.resolve("a.tgan"), dir.resolve("a.json"));
        train(dir.resolve("b.tgan"), dir.resolve("b.json"));

        Checkpoint a = Checkpoint.load(dir.resolve("a.tgan"), Gemm.openBlas());
        Checkpoint b = Checkpoint.load(dir.resolve("b.tgan"), Gemm.openBlas());
        // created-at differs between the runs; every weight and the scaler must not
        assertThat(a.model().generate(new float[8 * 16 * 3])).isEqualTo(b.model().generate(new float[8 * 16 * 3]));
        assertThat(a.scaler()).isEqualTo(b.scaler());
    }

    @Test
    void shouldTrainABitIdenticalModelWhenRunAgainWithTheTunedRecipe(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"a", "b"}) {
            int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve(name + ".tgan").toString(),
                    "--iterations", "4", "--seq-len", "8", "--hidden", "6", "--layers", "2", "--batch", "16", "--seed",
                    "3", "--validation", "0.2");
            assertThat(code).as(err.toString()).isZero();
        }

        Checkpoint a = Checkpoint.load(dir.resolve("a.tgan"), Gemm.openBlas());
        Checkpoint b = Checkpoint.load(dir.resolve("b.tgan"), Gemm.openBlas());
        float[] z = new float[8 * 16 * 3];
        SplittableRandom noise = new SplittableRandom(1);
        for (int i = 0; i < z.length; i++) {
            z[i] = noise.nextFloat();
        }
        assertThat(a.model().generate(z.clone())).isEqualTo(b.model().generate(z.clone()));
    }

    @Test
    void shouldSampleWindowsAndStreamsThatEvaluateScores(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.tgan");
        train(model, dir.resolve("r.json"));
        Path windows = dir.resolve("w.csv");
        Path streams = dir.resolve("s.csv");

        assertThat(run("sample", "--model", model.toString(), "--n", "40", "--out", windows.toString())).isZero();
        assertThat(run("sample", "--model", model.toString(), "--n", "2", "--stream-length", "100", "--out",
                streams.toString())).isZero();
        out.getBuffer().setLength(0);
        int code = run("evaluate", "--real", "sine:300x8x3", "--synthetic", streams.toString(), "--window", "8",
                "--repeats", "1", "--discriminative-iterations", "20", "--predictive-iterations", "20", "--json");

        SampleSet w = SampleCsv.read(windows);
        assertThat(w.sequences()).isEqualTo(40);
        assertThat(w.steps()).isEqualTo(8);
        assertThat(SampleCsv.read(streams).steps()).isEqualTo(100);
        assertThat(code).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("syntheticWindows").asInt()).isEqualTo(24);
        assertThat(report.get("discriminative").get("mean").asDouble()).isBetween(0.0, 0.5);
        assertThat(report.get("predictive").get("mean").asDouble()).isPositive();
    }

    @Test
    void shouldNameTheFlagWhenTheSineSpecIsBad(@TempDir Path dir) {
        int code = run("train", "--csv", "sine:10x", "--out", dir.resolve("m.tgan").toString());

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains("sine:10x");
        assertThat(Files.exists(dir.resolve("m.tgan"))).isFalse();
    }

    @Test
    void shouldSaveAnotherModelAndReportTheDecayWhenTrainedWithAWeightAverage(@TempDir Path dir) throws Exception {
        train(dir.resolve("plain.tgan"), dir.resolve("plain.json"));
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("ema.tgan").toString(), "--iterations",
                "5", "--seq-len", "8", "--hidden", "6", "--layers", "2", "--batch", "16", "--seed", "3",
                "--recipe", "reference", "--ema-decay", "0.9", "--report", dir.resolve("ema.json").toString(),
                "--save-last-iterate",
                dir.resolve("last.tgan").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("weight average (EMA) decay 0.9");
        JsonNode r = new ObjectMapper().readTree(dir.resolve("ema.json").toFile());
        assertThat(r.get("config").get("emaDecay").asDouble()).isEqualTo(0.9);
        float[] z = new float[8 * 16 * 3];
        Checkpoint plain = Checkpoint.load(dir.resolve("plain.tgan"), Gemm.openBlas());
        Checkpoint ema = Checkpoint.load(dir.resolve("ema.tgan"), Gemm.openBlas());
        assertThat(ema.model().generate(z)).isNotEqualTo(plain.model().generate(z).clone());
        // the same run without its average is the model trained without one
        Checkpoint last = Checkpoint.load(dir.resolve("last.tgan"), Gemm.openBlas());
        assertThat(last.model().generate(z)).isEqualTo(plain.model().generate(z).clone());
    }

    @Test
    void shouldNameTheFlagWhenTheWeightAverageDecayIsOutOfRange(@TempDir Path dir) {
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("m.tgan").toString(), "--ema-decay",
                "1");

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains("--ema-decay");
        assertThat(Files.exists(dir.resolve("m.tgan"))).isFalse();
    }

    @Test
    void shouldTrainAnotherModelAndReportTheScheduleWhenTheJointRateIsScheduled(@TempDir Path dir) throws Exception {
        train(dir.resolve("plain.tgan"), dir.resolve("plain.json"));
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("lr.tgan").toString(), "--iterations",
                "5", "--seq-len", "8", "--hidden", "6", "--layers", "2", "--batch", "16", "--seed", "3",
                "--recipe", "reference", "--joint-lr-peak", "2", "--joint-lr-decay-from", "0.5", "--report",
                dir.resolve("lr.json").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("joint learning rate x2.0 decaying to 0 from 0.5 of the phase");
        JsonNode schedule = new ObjectMapper().readTree(dir.resolve("lr.json").toFile()).get("config")
                .get("jointLearningRate");
        assertThat(schedule.get("peak").asDouble()).isEqualTo(2.0);
        assertThat(schedule.get("decayFrom").asDouble()).isEqualTo(0.5);
        float[] z = new float[8 * 16 * 3];
        Checkpoint plain = Checkpoint.load(dir.resolve("plain.tgan"), Gemm.openBlas());
        Checkpoint scheduled = Checkpoint.load(dir.resolve("lr.tgan"), Gemm.openBlas());
        assertThat(scheduled.model().generate(z)).isNotEqualTo(plain.model().generate(z).clone());
    }

    @Test
    void shouldTrainWithTheTunedRecipeWhenNoneIsGiven(@TempDir Path dir) throws Exception {
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("m.tgan").toString(), "--iterations",
                "3", "--seq-len", "8", "--hidden", "6", "--layers", "2", "--batch", "16", "--report",
                dir.resolve("m.json").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("weight average (EMA) decay 0.999")
                .contains("joint learning rate x2.0 decaying to 0 from 0.5 of the phase");
        JsonNode config = new ObjectMapper().readTree(dir.resolve("m.json").toFile()).get("config");
        assertThat(config.get("emaDecay").asDouble()).isEqualTo(0.999);
        assertThat(config.get("jointLearningRate").get("peak").asDouble()).isEqualTo(2.0);
    }

    @Test
    void shouldTrainLikeTheReferenceWhenTheReferenceRecipeIsGiven(@TempDir Path dir) throws Exception {
        train(dir.resolve("m.tgan"), dir.resolve("m.json"));

        JsonNode config = new ObjectMapper().readTree(dir.resolve("m.json").toFile()).get("config");
        assertThat(config.get("emaDecay").asDouble()).isZero();
        assertThat(config.get("jointLearningRate").get("peak").asDouble()).isEqualTo(1.0);
        assertThat(config.get("jointLearningRate").get("decayFrom").asDouble()).isEqualTo(1.0);
        assertThat(out.toString()).doesNotContain("weight average").doesNotContain("joint learning rate");
    }

    @Test
    void shouldNameTheFlagWhenTheJointRatePeakIsNotPositive(@TempDir Path dir) {
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("m.tgan").toString(),
                "--joint-lr-peak", "0");

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains("--joint-lr-peak must be positive and finite, got 0.0");
        assertThat(Files.exists(dir.resolve("m.tgan"))).isFalse();
    }

    @Test
    void shouldReportTheSelectedSnapshotWhenSelecting(@TempDir Path dir) throws Exception {
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("sel.tgan").toString(), "--iterations",
                "4", "--seq-len", "8", "--hidden", "6", "--layers", "2", "--batch", "16", "--seed", "3",
                "--validation", "0.2", "--select-every", "2", "--select-against", "validation", "--recipe", "reference",
                "--report", dir.resolve("sel.json").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("selected:").contains("against 60 validation windows");
        JsonNode selection = new ObjectMapper().readTree(dir.resolve("sel.json").toFile()).get("selection");
        assertThat(selection.get("checks")).hasSize(2);
        assertThat(selection.get("chosen").get("iteration").asInt()).isIn(2, 4);
    }

    @Test
    void shouldNameTheFlagWhenTheSelectionIntervalIsNegative(@TempDir Path dir) {
        int code = run("train", "--csv", "sine:300x8x3", "--out", dir.resolve("m.tgan").toString(), "--select-every",
                "-1");

        assertThat(code).isEqualTo(Tickforge.EXIT_USAGE);
        assertThat(err.toString()).contains("--select-every");
        assertThat(Files.exists(dir.resolve("m.tgan"))).isFalse();
    }
}
