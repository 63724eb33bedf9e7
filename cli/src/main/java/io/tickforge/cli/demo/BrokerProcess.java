package io.tickforge.cli.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's Kafka broker, run as {@code tickforge broker} in a JVM of its own so that a broker halt (an
 * {@code OutOfMemoryError}, a {@code Runtime.halt} on a storage error) cannot take the demo's JVM down with it.
 *
 * <p>{@link #start(Duration)} spawns the process and waits for its ready line ({@value #READY_PREFIX}...), which
 * gives the bound ports; a restart reuses them and the data directory, so clients reconnect to the same address and
 * find their topics. The process's output (stdout and stderr) goes to a log file, never to the demo's terminal.
 * {@link #close()} asks it to stop (SIGTERM: a controlled shutdown), then kills it if it has not ended within
 * {@link #STOP_TIMEOUT}. The broker is also told the demo's process id and stops by itself when the demo ends,
 * however the demo ends.
 *
 * <p>Not thread-safe: one owner starts, checks and closes it.
 */
public final class BrokerProcess implements AutoCloseable {
    /** How the broker command announces that it serves clients. */
    public static final String READY_PREFIX = "Kafka broker ready on ";
    /** How long {@link #close()} waits for a controlled shutdown before killing the process. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProcess.class);
    private static final Pattern READY = Pattern.compile(Pattern.quote(READY_PREFIX)
            + "(\\S+):(\\d+) \\(controller port (\\d+)");
    private static final int TAIL_LINES = 20;

    private final Launcher launcher;
    private final Path log;
    private final Deque<String> tail = new ArrayDeque<>();
    private int port;
    private int controllerPort;
    private String bootstrap;
    private Process process;
    private int starts;
    private volatile boolean closing;

    /** Builds the command line of one broker start from the ports to use (0 for a free one on first start). */
    @FunctionalInterface
    public interface Launcher {
        /**
         * @param port           the client port, 0 for a free one
         * @param controllerPort the controller port, 0 for a free one
         * @return the command and its arguments
         */
        List<String> command(int port, int controllerPort);
    }

    /**
     * @param launcher the command of a start
     * @param port     the client port of the first start, 0 for a free one
     * @param log      the file the process's output is appended to
     */
    public BrokerProcess(Launcher launcher, int port, Path log) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
        this.port = port;
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The launcher of the real thing: this JVM's {@code java} and class path running
     * {@code io.tickforge.cli.Tickforge broker} on {@code dataDir}, detached from the terminal's process group
     * (through {@code setsid} where it exists) so that Ctrl-C reaches the demo only, which then stops the broker
     * last, after its clients have flushed.
     *
     * @param dataDir the broker's data directory
     * @param jvmArgs extra JVM flags for the broker, e.g. {@code -Xmx1g}
     * @return the launcher
     */
    public static Launcher tickforgeBroker(Path dataDir, List<String> jvmArgs) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        long self = ProcessHandle.current().pid();
        boolean setsid = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
        return (p, c) -> {
            List<String> cmd = new ArrayList<>();
            if (setsid) {
                cmd.add("setsid");
            }
            cmd.add(java);
            cmd.addAll(jvmArgs);
            cmd.addAll(List.of("-cp", classPath, "io.tickforge.cli.Tickforge", "broker",
                    "--port", Integer.toString(p), "--controller-port", Integer.toString(c),
                    "--data-dir", dataDir.toAbsolutePath().toString(), "--parent-pid", Long.toString(self)));
            return cmd;
        };
    }

    /**
     * Spawns the broker and waits for its ready line.
     *
     * @param timeout how long to wait for the ready line
     * @return the bootstrap servers it serves, {@code host:port}
     * @throws IllegalStateException when it is already running, exits before it is ready (the message holds the
     *     last lines of its output) or is not ready within {@code timeout} (then it is killed)
     */
    public String start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker already running on " + bootstrap);
        }
        List<String> command = launcher.command(port, controllerPort);
        Process p;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker process " + command.get(0) + ": "
                    + e.getMessage(), e);
        }
        process = p;
        starts++;
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(p, ready), "tickforge-demo-broker-output");
        reader.setDaemon(true);
        reader.start();
        Matcher m;
        try {
            m = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill(p);
            throw new IllegalStateException("the broker was not ready within " + timeout.toSeconds() + " s; its "
                    + "last output (" + log + "):\n" + tail(), e);
        } catch (ExecutionException e) {
            kill(p);
            throw new IllegalStateException("the broker exited before it was ready (code " + exitCode(p) + "); its "
                    + "last output (" + log + "):\n" + tail(), e.getCause());
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
        port = Integer.parseInt(m.group(2));
        controllerPort = Integer.parseInt(m.group(3));
        bootstrap = m.group(1) + ":" + port;
        LOG.info("broker process ready bootstrap={} pid={} start={}", bootstrap, p.pid(), starts);
        return bootstrap;
    }

    private void pump(Process p, CompletableFuture<Matcher> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write(System.lineSeparator());
                out.flush();
                remember(line);
                Matcher m = READY.matcher(line);
                if (!ready.isDone() && m.find()) {
                    ready.complete(m);
                }
            }
        } catch (IOException e) {
            if (!closing && p.isAlive()) {
                LOG.warn("broker output unreadable log={} error={}", log, e.toString());
            }
        }
        ready.completeExceptionally(new IllegalStateException("the broker's output ended"));
    }

    private void remember(String line) {
        synchronized (tail) {
            tail.addLast(line);
            while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }

    private String tail() {
        synchronized (tail) {
            return tail.isEmpty() ? "  (no output)" : "  " + String.join("\n  ", tail);
        }
    }

    /** @return whether the broker process is running */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** @return the exit code of a process that has ended, empty while it runs or before the first start */
    public OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** @return the bootstrap servers of the last start, null before it */
    public String bootstrap() {
        return bootstrap;
    }

    /** @return how many times the broker was started */
    public int starts() {
        return starts;
    }

    /** @return the file the broker's output goes to */
    public Path log() {
        return log;
    }

    /** @return the process id of the running broker, or -1 */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * Asks the broker to stop (SIGTERM, a controlled shutdown) and waits for it; kills it after
     * {@link #STOP_TIMEOUT}. A no-op when it is not running.
     */
    @Override
    public void close() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        closing = true;
        p.destroy();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("broker did not stop in time; killing it pid={} timeoutSeconds={}", p.pid(),
                        STOP_TIMEOUT.toSeconds());
                kill(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
        }
    }

    private static void kill(Process p) {
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String exitCode(Process p) {
        try {
            return p.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
