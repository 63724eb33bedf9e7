package io.tickforge.cli.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.data.SineDataset;
import io.tickforge.timegan.data.SineSpec;
import io.tickforge.timegan.data.TimeSeriesTable;
import io.tickforge.timegan.data.WindowSet;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.quality.QualityConfig;
import io.tickforge.timegan.quality.QualityEvaluator;
import io.tickforge.timegan.quality.QualityReport;
import io.tickforge.timegan.quality.Score;
import io.tickforge.timegan.quality.SequenceSet;
import io.tickforge.timegan.sample.SampleCsv;
import io.tickforge.timegan.sample.SampleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tickforge evaluate}: scores synthetic sequences against real data with the paper's metrics (discriminative
 * and predictive scores, repeated, mean ± std) and distribution statistics, printed as a table or JSON.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores synthetic sequences (a tickforge sample CSV) against real data.",
            "Real data is a CSV with a header (its columns are matched by the synthetic feature names) or sine:NxTxD. "
                + "CSV data are min-max scaled with the real data's scaler (sines are scored in their own [0, 1] units); real windows are all stride-1 windows; "
                + "synthetic sequences longer than --window are cut into consecutive windows."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--real", paramLabel = "FILE|sine:NxTxD", required = true, description = "The real data.")
    String real;

    @Option(names = "--synthetic", paramLabel = "FILE", required = true, description = "Synthetic sequences (CSV from tickforge sample).")
    Path synthetic;

    @Option(names = "--repeats", defaultValue = "10", description = "Repeats of each score (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--window", description = "Window length in steps (default: the synthetic sequences' length, at most 24 for streams).")
    Integer window;

    @Option(names = "--discriminative-iterations", defaultValue = "2000",
            description = "Iterations of the post-hoc classifier (default: ${DEFAULT-VALUE}, the paper's).")
    int discriminativeIterations;

    @Option(names = "--predictive-iterations", defaultValue = "5000",
            description = "Iterations of the post-hoc predictor (default: ${DEFAULT-VALUE}, the paper's).")
    int predictiveIterations;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of splits, initial weights and batches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    /** Created by picocli. */
    public EvaluateCommand() {
        // fields are injected
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        QualityConfig quality;
        try {
            quality = QualityConfig.paper().withBudget(discriminativeIterations, predictiveIterations, repeats);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--" + e.getMessage(), e);
        }
        if (!Files.isRegularFile(synthetic)) {
            throw new CommandLine.ParameterException(cl, "--synthetic file does not exist: " + synthetic);
        }
        SampleSet syn = SampleCsv.read(synthetic);
        int steps = window != null ? window : syn.steps() > 24 ? 24 : syn.steps();
        if (steps < 2 || steps > syn.steps()) {
            throw new CommandLine.ParameterException(cl, "--window must be between 2 and the synthetic length "
                    + syn.steps() + ", was " + steps);
        }
        SampleSet synWindows = syn.steps() == steps ? syn : syn.windows(steps);
        quality = quality.fittedTo(steps);

        WindowSet realWindows;
        MinMaxScaler scaler;
        if (real.startsWith(SineSpec.PREFIX)) {
            SineSpec sine = SineSpec.parse(real);
            if (sine.steps() != steps || sine.features() != syn.features()) {
                throw new CommandLine.ParameterException(cl, "--real " + real + " must have " + steps + " steps and "
                        + syn.features() + " features to match the synthetic data");
            }
            // scored in the units they are generated in, [0, 1], as the paper does (no rescaling of [0.5, 1])
            realWindows = SineDataset.generate(sine, seed);
            scaler = MinMaxScaler.unit(sine.features());
        } else {
            Path file = Path.of(real);
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(cl, "--real file does not exist: " + real);
            }
            TimeSeriesTable table = TimeSeriesTable.readCsv(file, syn.featureNames());
            scaler = MinMaxScaler.fit(table);
            realWindows = WindowSet.slide(table, scaler, steps);
        }
        // real windows are already in the scaler's units: fit and applied for a CSV, the unit scaler for sines
        SequenceSet realSet = SequenceSet.of(realWindows.values(), steps, syn.features());
        SequenceSet synSet = SequenceSet.of(synWindows.scaled(scaler), steps, syn.features());

        long t0 = System.nanoTime();
        QualityReport report = new QualityEvaluator(quality, Gemm.openBlas()).evaluate(realSet, synSet, seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = cl.getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(asMap(report, realSet, synSet, seconds)));
        } else {
            printTable(out, report, realSet, synSet, seconds);
        }
        out.flush();
        return 0;
    }

    private void printTable(PrintWriter out, QualityReport r, SequenceSet realSet, SequenceSet synSet, double seconds) {
        out.printf(Locale.ROOT, "real: %s (%d windows), synthetic: %s (%d windows of %d steps x %d features)%n",
                real, realSet.n(), synthetic, synSet.n(), synSet.steps(), synSet.features());
        out.printf(Locale.ROOT, "%-34s %10s %10s %6s%n", "metric (lower is better)", "mean", "std", "runs");
        row(out, "discriminative |acc - 0.5|", r.discriminative());
        row(out, "predictive MAE (train syn, test real)", r.predictive());
        row(out, "predictive floor (train real)", r.predictiveFloor());
        out.printf(Locale.ROOT, "%-34s %10.4f%n", "wasserstein, mean over features", r.distribution().meanWasserstein());
        out.printf(Locale.ROOT, "%-34s %10.4f%n", "ACF of differences, distance", r.distribution().acfDistance());
        out.printf(Locale.ROOT, "%-34s %10.4f%n", "correlation matrix, distance", r.distribution().correlationDistance());
        out.printf(Locale.ROOT, "(scaled [0,1] units; %d repeats; %.1f s)%n", repeats, seconds);
    }

    private static void row(PrintWriter out, String name, Score s) {
        out.printf(Locale.ROOT, "%-34s %10.4f %10.4f %6d%n", name, s.mean(), s.std(), s.runs().length);
    }

    private Map<String, Object> asMap(QualityReport r, SequenceSet realSet, SequenceSet synSet, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("real", real);
        m.put("synthetic", synthetic.toString());
        m.put("realWindows", realSet.n());
        m.put("syntheticWindows", synSet.n());
        m.put("steps", synSet.steps());
        m.put("features", synSet.features());
        m.put("discriminative", score(r.discriminative()));
        m.put("predictive", score(r.predictive()));
        m.put("predictiveFloor", score(r.predictiveFloor()));
        m.put("wasserstein", r.distribution().wasserstein());
        m.put("wassersteinMean", r.distribution().meanWasserstein());
        m.put("acfDistance", r.distribution().acfDistance());
        m.put("correlationDistance", r.distribution().correlationDistance());
        m.put("seconds", seconds);
        return m;
    }

    private static Map<String, Object> score(Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("std", s.std());
        m.put("runs", s.runs());
        return m;
    }
}
