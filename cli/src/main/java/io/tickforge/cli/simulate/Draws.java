package io.tickforge.cli.simulate;

import java.util.SplittableRandom;

/**
 * The random draws the simulator needs, on top of one {@link SplittableRandom}. The normal, gamma and Student-t
 * samplers are written out here (Marsaglia's polar method, Marsaglia and Tsang's gamma) rather than taken from the
 * JDK, so that a seed gives the same stream on every JDK version. Not thread-safe: one instance per owner.
 */
final class Draws {
    private final SplittableRandom random;
    private double spareNormal;
    private boolean hasSpareNormal;

    Draws(SplittableRandom random) {
        this.random = random;
    }

    /** @return an independent generator split off this one */
    Draws split() {
        return new Draws(random.split());
    }

    /** @return uniform in [0, 1) */
    double uniform() {
        return random.nextDouble();
    }

    /**
     * @param bound exclusive upper bound, &gt; 0
     * @return uniform integer in [0, bound)
     */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** @return a standard normal draw */
    double normal() {
        if (hasSpareNormal) {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * factor;
        hasSpareNormal = true;
        return u * factor;
    }

    /**
     * @param shape gamma shape, &gt; 0
     * @return a gamma draw with unit scale
     */
    double gamma(double shape) {
        if (shape < 1) {
            // boost: Gamma(a) = Gamma(a + 1) * U^(1/a)
            return gamma(shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal();
            double t = 1 + c * x;
            if (t <= 0) {
                continue;
            }
            double v = t * t * t;
            double u = 1 - random.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * @param degreesOfFreedom Student-t degrees of freedom, &gt; 2; positive infinity gives a normal draw
     * @return a Student-t draw scaled to unit variance
     */
    double unitStudentT(double degreesOfFreedom) {
        if (Double.isInfinite(degreesOfFreedom)) {
            return normal();
        }
        double chiSquare = 2 * gamma(degreesOfFreedom / 2);
        double t = normal() / Math.sqrt(chiSquare / degreesOfFreedom);
        return t * Math.sqrt((degreesOfFreedom - 2) / degreesOfFreedom);
    }

    /**
     * @param min lower bound, &gt; 0
     * @param max upper bound, &gt;= min
     * @return a draw whose logarithm is uniform between log(min) and log(max)
     */
    double logUniform(double min, double max) {
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }
}
