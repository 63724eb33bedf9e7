package io.tickforge.cli.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (a JVM shutdown) into a polite stop: the running loop sees {@link #isStopped()}, finishes its
 * current record, flushes and prints its summary, and only then does the JVM exit. Close it when the run ends so
 * that no hook outlives the command (tests run commands in one JVM).
 */
public final class StopSignal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);
    private static final long GRACE_SECONDS = 60;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopped;

    /** @param name a name for the hook thread, e.g. the command */
    public StopSignal(String name) {
        this.hook = new Thread(() -> {
            stopped = true;
            try {
                if (!done.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("stop timed out command={} graceSeconds={}", name, GRACE_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tickforge-" + name + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return true once a stop was asked for (Ctrl-C, SIGTERM) or {@link #stop()} was called */
    public boolean isStopped() {
        return stopped;
    }

    /** Asks the loop to stop, as Ctrl-C would. */
    public void stop() {
        stopped = true;
    }

    /** Tells a waiting shutdown that the run has finished, and removes the hook. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has just been released
        }
    }
}
