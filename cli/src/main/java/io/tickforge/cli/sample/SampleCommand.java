package io.tickforge.cli.sample;

import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.sample.SampleCsv;
import io.tickforge.timegan.sample.SampleSet;
import io.tickforge.timegan.sample.Sampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tickforge sample}: draws synthetic sequences from a trained model file and writes them as the long CSV
 * {@code sequence,step,<features>} in original units. Fixed windows by default, or endless streams with carried
 * recurrent state when {@code --stream-length} is given.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Samples a trained TimeGAN model into a CSV (sequence,step,<features>) in original units.",
            "Without --stream-length: --n independent windows of the model's length; with it: --n endless streams "
                + "of that many steps each."})
public final class SampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The model file (from tickforge train).")
    Path model;

    @Option(names = "--n", defaultValue = "3000", description = "Number of sequences (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--stream-length", paramLabel = "L",
            description = "Steps per sequence, sampled as endless streams with carried state.")
    Integer streamLength;

    @Option(names = "--seed", defaultValue = "42", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
    Path out;

    /** Created by picocli. */
    public SampleCommand() {
        // fields are injected
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (n < 1) {
            throw new CommandLine.ParameterException(cl, "--n must be >= 1, was " + n);
        }
        if (streamLength != null && streamLength < 1) {
            throw new CommandLine.ParameterException(cl, "--stream-length must be >= 1, was " + streamLength);
        }
        if (!Files.isRegularFile(model)) {
            throw new CommandLine.ParameterException(cl, "--model file does not exist: " + model);
        }
        Checkpoint checkpoint = Checkpoint.load(model, Gemm.openBlas());
        Sampler sampler = new Sampler(checkpoint.model(), checkpoint.scaler(),
                checkpoint.metadata().featureNames(), Gemm.openBlas());
        long t0 = System.nanoTime();
        SampleSet samples = streamLength == null ? sampler.windows(n, seed) : sampler.streams(n, streamLength, seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        SampleCsv.write(samples, out);
        PrintWriter o = cl.getOut();
        o.printf(Locale.ROOT, "Wrote %d %s of %d steps x %d features (%s) to %s: %d values in %.2f s (%.0f values/s).%n",
                samples.sequences(), streamLength == null ? "windows" : "streams", samples.steps(),
                samples.features(), String.join(",", samples.featureNames()), out, samples.values().length, seconds,
                samples.values().length / Math.max(seconds, 1e-9));
        o.flush();
        return 0;
    }
}
