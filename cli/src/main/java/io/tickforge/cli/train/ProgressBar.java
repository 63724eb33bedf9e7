package io.tickforge.cli.train;

import io.tickforge.timegan.model.Phase;
import io.tickforge.timegan.model.TrainingProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A progress bar per training phase with the phase's loss, held-out losses and speed. On a terminal it redraws one
 * line in place (at most ten times a second); otherwise (a log, a pipe) it prints a line every tenth of the phase.
 */
final class ProgressBar implements Consumer<TrainingProgress> {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private Phase phase;
    private long phaseStart;
    private long lastDraw;
    private int lastTenth = -1;
    private String validation = "";

    ProgressBar(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void accept(TrainingProgress p) {
        long now = System.nanoTime();
        if (p.phase() != phase) {
            phase = p.phase();
            phaseStart = now;
            lastTenth = -1;
            validation = "";
        }
        if (p.validation() != null) {
            validation = String.format(Locale.ROOT, " val E_T0 %.4g G_S %.4g", p.validation().reconstruction(),
                    p.validation().supervised());
        }
        int done = p.iteration() + 1;
        boolean last = done == p.iterations();
        int tenth = (int) (10L * done / p.iterations());
        if (interactive ? !last && now - lastDraw < REDRAW_NANOS : tenth == lastTenth && !last) {
            return;
        }
        lastDraw = now;
        lastTenth = tenth;
        double elapsed = (now - phaseStart) / 1e9;
        double msPerIt = elapsed * 1e3 / done;
        double eta = (p.iterations() - done) * msPerIt / 1e3;
        int filled = (int) ((long) WIDTH * done / p.iterations());
        String line = String.format(Locale.ROOT, "%d/3 %-11s [%s%s] %6d/%d %s %.4g%s %6.1f ms/it %s",
                phase.ordinal() + 1, name(phase), "#".repeat(filled), "-".repeat(WIDTH - filled), done, p.iterations(),
                lossName(phase), p.loss(), validation, msPerIt, last ? String.format(Locale.ROOT, "%.0f s", elapsed)
                        : String.format(Locale.ROOT, "ETA %.0f s", eta));
        if (p.joint() != null) {
            line += String.format(Locale.ROOT, " (D %.3f, E_T0 %.4g)", p.joint().discriminator().loss(),
                    p.joint().reconstruction());
        }
        if (interactive) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String name(Phase phase) {
        return switch (phase) {
            case AUTOENCODER -> "autoencoder";
            case SUPERVISED -> "supervised";
            case JOINT -> "joint";
        };
    }

    private static String lossName(Phase phase) {
        return switch (phase) {
            case AUTOENCODER -> "E_T0";
            case SUPERVISED -> "G_S";
            case JOINT -> "G";
        };
    }
}
