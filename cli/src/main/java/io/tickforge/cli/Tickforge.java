package io.tickforge.cli;

import io.tickforge.cli.broker.BrokerCommand;
import io.tickforge.cli.demo.DemoCommand;
import io.tickforge.cli.evaluate.EvaluateCommand;
import io.tickforge.cli.produce.ProduceCommand;
import io.tickforge.cli.options.ConfigFile;
import io.tickforge.cli.replay.ReplayCommand;
import io.tickforge.cli.sample.SampleCommand;
import io.tickforge.cli.simulate.SimulateCommand;
import io.tickforge.cli.train.TrainCommand;
import io.tickforge.cli.trainer.TrainerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code tickforge} command: one runnable jar whose subcommands run each part of tickforge. Everything is wired
 * here by hand, without a DI framework.
 *
 * <p>Exit codes: 0 success, 1 a failure while running, 2 a bad flag or bad input (the message names it).
 */
@Command(name = "tickforge", mixinStandardHelpOptions = true, versionProvider = Tickforge.Version.class,
        description = "Learns a market-tick stream with TimeGAN and publishes realistic synthetic ticks to Kafka.",
        subcommands = {DemoCommand.class, BrokerCommand.class, SimulateCommand.class, ReplayCommand.class,
                TrainerCommand.class, ProduceCommand.class, TrainCommand.class, SampleCommand.class,
                EvaluateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Every command accepts --config FILE: a properties file of flag defaults (rate=2000, "
                + "simulate.rate=2000) and Kafka client properties (kafka.security.protocol=SSL)."})
public final class Tickforge implements Runnable {
    /** Exit code for a failure while running. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a bad flag or bad input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = ConfigFile.FLAG, paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Properties file of flag defaults and kafka.* client properties.")
    String configFile;

    private ConfigFile config = ConfigFile.empty();

    /** Created by picocli. */
    public Tickforge() {
        // fields are injected
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs tickforge and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs tickforge without exiting: the entry point for tests.
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs tickforge with the given output streams, loading {@code --config} first.
     *
     * @param out  where commands print their output
     * @param err  where errors go
     * @param args the command line
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        Tickforge root = cl.getCommand();
        try {
            root.config = ConfigFile.fromArgs(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println("tickforge: " + e.getMessage());
            return EXIT_USAGE;
        }
        cl.setDefaultValueProvider(root.config);
        return cl.execute(args);
    }

    /** @return the {@code --config} file's contents (empty without one) */
    public ConfigFile config() {
        return config;
    }

    /**
     * Builds the command line with its error handling and the config file (if {@code --config} is among args).
     *
     * @param out where commands print their output
     * @param err where errors go
     * @return the configured command line; call {@code execute(args)}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Tickforge());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("tickforge " + c.getCommandName() + ": " + ex.getMessage());
            c.getErr().println("Try 'tickforge " + (c == cl ? "" : c.getCommandName() + " ") + "--help'.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                c.getErr().println("tickforge " + c.getCommandName() + ": " + ex.getMessage());
                return EXIT_USAGE;
            }
            c.getErr().println("tickforge " + c.getCommandName() + " failed: " + ex);
            return EXIT_FAILURE;
        });
        return cl;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Tickforge.class.getPackage().getImplementationVersion();
            return new String[] {"tickforge " + (v == null ? "(development build)" : v),
                "Kafka 4.1.2, Java " + Runtime.version()};
        }
    }
}
