package io.tickforge.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tickforge.timegan.model.JointLearningRate;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.model.TrainingRecipe;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.quality.QualityConfig;
import io.tickforge.timegan.train.Dataset;
import io.tickforge.timegan.train.PhaseReport;
import io.tickforge.timegan.train.SelectionConfig;
import io.tickforge.timegan.train.SelectionReport;
import io.tickforge.timegan.train.TrainingJob;
import io.tickforge.timegan.train.TrainingReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tickforge train}: trains a TimeGAN on a CSV file (or the paper's sine benchmark) and writes one model
 * file, with a progress bar per phase and an optional JSON report.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a TimeGAN on a CSV (header of feature names, oldest row first) or sine:NxTxD, and "
            + "writes a model file (weights, scaler, hyperparameters, seed, provenance, scores).",
            "The most recent --validation fraction of rows is held out for validation losses and scoring."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", paramLabel = "FILE|sine:NxTxD", required = true, description = "Training data.")
    String csv;

    @Option(names = "--columns", split = ",", description = "CSV columns to learn (default: all).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The model file to write.")
    Path out;

    @Option(names = "--iterations", defaultValue = "10000", description = "Iterations per phase (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of weights, batches and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report: ms per iteration per phase, final losses, wall time.")
    Path report;

    @Option(names = "--seq-len", defaultValue = "24", description = "Window length T (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--hidden", defaultValue = "24", description = "Hidden units h (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "3", description = "Recurrent layers L (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--batch", defaultValue = "128", description = "Windows per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--cell", defaultValue = "gru", description = "Recurrent cell: gru or lstm (default: ${DEFAULT-VALUE}).")
    RecurrentCell cell;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--gamma", defaultValue = "1", description = "Weight of the latent adversarial terms (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--clip-norm", defaultValue = "0", description = "Global gradient-norm clip, 0 for none (default: ${DEFAULT-VALUE}).")
    double clipNorm;

    @Option(names = "--weight-decay", defaultValue = "0", description = "Decoupled weight decay, 0 for none (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--recipe", paramLabel = "tuned|reference", defaultValue = "tuned", description = "Training "
            + "procedure: tuned (a weight average of the joint phase with decay 0.999, and its learning rate doubled "
            + "for the first half, then decaying linearly to 0; what met the paper-metric targets at 10,000 iterations "
            + "per phase) or reference (the reference code's: constant rate, no average). The three options below "
            + "override it (default: ${DEFAULT-VALUE}).")
    TrainingRecipe recipe;

    @Option(names = "--ema-decay", description = "Decay of an exponential moving average of the embedder, recovery, "
            + "generator and supervisor weights over the joint phase, saved as the model's weights; 0 for none, else "
            + "in (0, 1) (default: the recipe's, 0.999 tuned, 0 reference).")
    Double emaDecayFlag;

    @Option(names = "--joint-lr-peak", description = "Multiplier of the learning rate in the joint phase until "
            + "--joint-lr-decay-from (default: the recipe's, 2 tuned, 1 reference).")
    Double jointLrPeakFlag;

    @Option(names = "--joint-lr-decay-from", description = "Fraction of the joint phase after which its learning "
            + "rate falls linearly to 0 at its end, in [0, 1]; 1 for none (default: the recipe's, 0.5 tuned, 1 "
            + "reference).")
    Double jointLrDecayFromFlag;

    @Option(names = "--save-last-iterate", paramLabel = "FILE", description = "With --ema-decay: also write the "
            + "model with the last joint iteration's weights instead of their average, to compare the two from one "
            + "training run (not with --score-repeats).")
    Path lastIterateOut;

    @Option(names = "--select-every", paramLabel = "N", defaultValue = "0", description = "Snapshot selection: every "
            + "N joint iterations (and after the last), score the model (and its weight average) with the paper's "
            + "discriminative metric against real windows, and keep the best instead of the last; 0 for none, as in "
            + "the reference (default: ${DEFAULT-VALUE}).")
    int selectEvery;

    @Option(names = "--select-against", paramLabel = "training|validation", defaultValue = "training",
            description = "Real windows snapshot selection compares with (up to 10,000): the training ones, or the "
                    + "held-out ones (training ones when --validation is 0) (default: ${DEFAULT-VALUE}).")
    SelectionConfig.Against selectAgainst;

    @Option(names = "--validation", defaultValue = "0.1", description = "Fraction held out, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--score-repeats", defaultValue = "0",
            description = "Score the model with the paper's metrics, this many repeats (default: ${DEFAULT-VALUE}, none).")
    int scoreRepeats;

    @Option(names = "--name", description = "Model name stored in the file (default: the data's name).")
    String name;

    /** Created by picocli. */
    public TrainCommand() {
        // fields are injected
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (scoreRepeats < 0) {
            throw new CommandLine.ParameterException(cl, "--score-repeats must be >= 0, was " + scoreRepeats);
        }
        double emaDecay = emaDecayFlag != null ? emaDecayFlag : recipe.emaDecay();
        if (!(emaDecay == 0 || emaDecay > 0 && emaDecay < 1)) {
            throw new CommandLine.ParameterException(cl, "--ema-decay must be 0 (none) or in (0, 1), was "
                    + emaDecay);
        }
        if (lastIterateOut != null && (emaDecay == 0 || scoreRepeats > 0)) {
            throw new CommandLine.ParameterException(cl, "--save-last-iterate needs --ema-decay above 0 and no "
                    + "--score-repeats (the scores would be the averaged model's), was --ema-decay " + emaDecay
                    + " --score-repeats " + scoreRepeats);
        }
        if (selectEvery < 0) {
            throw new CommandLine.ParameterException(cl, "--select-every must be >= 0 (0 for none), was "
                    + selectEvery);
        }
        if (!csv.startsWith("sine:") && !Files.isRegularFile(Path.of(csv))) {
            throw new CommandLine.ParameterException(cl, "--csv file does not exist: " + csv);
        }
        JointLearningRate jointLr = jointLearningRate(cl);
        Dataset data;
        TimeGanConfig config;
        try {
            data = Dataset.load(csv, columns, seqLen, validation, seed);
            config = new TimeGanConfig(data.train().features(), hidden, layers, seqLen, batch, gamma,
                    TimeGanConfig.reference(data.train().features()).discriminatorThreshold(),
                    TimeGanConfig.reference(data.train().features()).adam(),
                    TimeGanConfig.reference(data.train().features()).init(), cell, iterations, seed)
                    .withLearningRate(learningRate).withClipNorm(clipNorm).withWeightDecay(weightDecay)
                    .withEmaDecay(emaDecay)
                    .withJointLearningRate(jointLr);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, flag(e.getMessage()), e);
        }
        PrintWriter o = cl.getOut();
        o.printf(Locale.ROOT, "Training on %s: %d features %s, %d training windows, %d held out; %s h=%d L=%d T=%d "
                        + "batch=%d, %d iterations per phase, seed %d%s%s.%n", data.source(), data.train().features(),
                data.featureNames(), data.train().count(), data.validation() == null ? 0 : data.validation().count(),
                cell.name().toLowerCase(Locale.ROOT), hidden, layers, seqLen, batch, iterations, seed,
                emaDecay > 0 ? String.format(Locale.ROOT, ", weight average (EMA) decay %s", emaDecay) : "",
                config.jointLearningRate().isConstant() ? "" : String.format(Locale.ROOT,
                        ", joint learning rate x%s decaying to 0 from %s of the phase",
                        config.jointLearningRate().peak(), config.jointLearningRate().decayFrom()));
        o.flush();
        String version = TrainCommand.class.getPackage().getImplementationVersion();
        TrainingJob job = new TrainingJob(Clock.systemUTC(), Gemm.openBlas(), version == null ? "dev" : version)
                .withSelection(selectEvery == 0 ? null : SelectionConfig.every(selectEvery).withAgainst(selectAgainst));
        QualityConfig quality = scoreRepeats == 0 ? null
                : QualityConfig.paper().withBudget(QualityConfig.paper().discriminativeIterations(),
                        QualityConfig.paper().predictiveIterations(), scoreRepeats);
        TrainingJob.Result result = job.run(data, config, name != null ? name : modelName(data.source()), quality,
                new ProgressBar(o, System.console() != null));
        result.checkpoint().save(out);
        if (lastIterateOut != null && result.checkpoint().model().useLastIterateWeights()) {
            // the checkpoint holds the live model: it now saves the last iterate
            result.checkpoint().save(lastIterateOut);
            o.printf("Wrote the last iterate's weights to %s.%n", lastIterateOut);
        }
        TrainingReport r = result.report();
        for (PhaseReport p : r.phases()) {
            o.printf(Locale.ROOT, "  %-11s %6d it, median %7.2f ms/it, %7.1f s, final loss %.5g%n",
                    p.phase().name().toLowerCase(Locale.ROOT), p.iterations(), p.msPerIterationMedian(), p.seconds(),
                    p.finalLoss());
        }
        if (r.selection() != null) {
            SelectionReport sel = r.selection();
            o.printf(Locale.ROOT, "  selected:   the %s of joint iteration %d, discriminative %.4f against %d %s "
                            + "windows (%d snapshots checked, %d finalists, %.1f s)%n",
                    sel.chosen().weights() == SelectionReport.Weights.AVERAGE ? "weight average" : "weights",
                    sel.chosen().iteration(), sel.chosen().discriminative(), sel.referenceWindows(), sel.reference(),
                    sel.checks().size(), sel.finalists().size(), sel.seconds());
        }
        if (!Double.isNaN(r.discriminative())) {
            o.printf(Locale.ROOT, "  scores: discriminative %.4f ± %.4f, predictive %.4f ± %.4f (%d repeats)%n",
                    r.discriminative(), r.discriminativeStd(), r.predictive(), r.predictiveStd(), scoreRepeats);
        }
        o.printf(Locale.ROOT, "Wrote %s in %.1f s.%n", out, r.wallSeconds());
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), r);
            o.printf("Wrote report %s.%n", report);
        }
        o.flush();
        return 0;
    }

    private static String modelName(String source) {
        String base = source.replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-");
        return "timegan-" + base;
    }

    private JointLearningRate jointLearningRate(CommandLine cl) {
        try {
            return new JointLearningRate(jointLrPeakFlag != null ? jointLrPeakFlag : recipe.jointLearningRate().peak(),
                    jointLrDecayFromFlag != null ? jointLrDecayFromFlag : recipe.jointLearningRate().decayFrom());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage()
                    .replace("jointLearningRate.peak", "--joint-lr-peak")
                    .replace("jointLearningRate.decayFrom", "--joint-lr-decay-from"), e);
        }
    }

    private static String flag(String message) {
        return message.startsWith("--") ? message : "--" + message;
    }
}
