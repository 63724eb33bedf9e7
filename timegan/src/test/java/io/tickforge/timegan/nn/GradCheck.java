package io.tickforge.timegan.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central-difference gradient checker for float parameters with a loss evaluated in double.
 *
 * <p>For every entry {@code i}: {@code num = (L(w + eps) - L(w - eps)) / (w+eps - (w-eps))} using the perturbations
 * actually representable in float, and {@code err = |num - ana| / max(|num|, |ana|, floor)}. Entries whose gradient
 * is below {@code floor} are thus held to an absolute error of {@code relTol * floor}.
 */
public final class GradCheck {

    /** Logs every result at INFO (run the tests with {@code -Dlog4j2.level=INFO} to see the errors reached). */
    private static final Logger LOG = LoggerFactory.getLogger(GradCheck.class);

    public static final float EPS = 4e-3f;
    public static final double REL_TOL = 1e-2;
    public static final double FLOOR = 1e-2;

    private GradCheck() {
    }

    /** Outcome of a check. */
    public record Result(String what, int checked, int significant, double maxError, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            return what + ": checked=" + checked + " significant=" + significant + " maxErr=" + maxError
                    + (failures.isEmpty() ? "" : " failures=" + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    public static Result check(String what, float[] values, float[] analytic, DoubleSupplier loss) {
        return check(what, values, analytic, loss, EPS, REL_TOL, FLOOR);
    }

    public static Result check(String what, float[] values, float[] analytic, DoubleSupplier loss, float eps,
            double relTol, double floor) {
        return check(what, values, analytic, loss, eps, relTol, floor, false);
    }

    /**
     * As {@link #check(String, float[], float[], DoubleSupplier, float, double, double)}; with {@code richardson}
     * the numerical derivative is {@code (4 D(eps/2) - D(eps)) / 3}, which cancels the {@code eps^2} truncation
     * term and so allows a step large enough to drown float rounding noise.
     */
    public static Result check(String what, float[] values, float[] analytic, DoubleSupplier loss, float eps,
            double relTol, double floor, boolean richardson) {
        List<String> failures = new ArrayList<>();
        double maxErr = 0;
        int significant = 0;
        for (int i = 0; i < values.length; i++) {
            double num = central(values, i, eps, loss);
            if (richardson) {
                num = (4 * central(values, i, eps / 2, loss) - num) / 3;
            }
            double ana = analytic[i];
            double scale = Math.max(Math.max(Math.abs(num), Math.abs(ana)), floor);
            if (Math.max(Math.abs(num), Math.abs(ana)) >= floor) {
                significant++;
            }
            double err = Math.abs(num - ana) / scale;
            maxErr = Math.max(maxErr, err);
            if (!(err <= relTol)) {
                failures.add(what + "[" + i + "] numeric=" + num + " analytic=" + ana);
            }
        }
        Result res = new Result(what, values.length, significant, maxErr, failures);
        LOG.info("GRADCHECK {}", res);
        return res;
    }

    private static double central(float[] values, int i, float eps, DoubleSupplier loss) {
        float v = values[i];
        float up = v + eps;
        float down = v - eps;
        values[i] = up;
        double lUp = loss.getAsDouble();
        values[i] = down;
        double lDown = loss.getAsDouble();
        values[i] = v;
        return (lUp - lDown) / ((double) up - down);
    }

    public static float[] uniform(int n, double lo, double hi, SplittableRandom rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextDouble(lo, hi);
        }
        return a;
    }

    public static double dot(float[] a, float[] r) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * r[i];
        }
        return s;
    }
}
