package io.tickforge.cli.simulate;

import io.tickforge.schemas.Tick;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Sample statistics of simulated log returns, for the stylised-fact tests. */
final class ReturnStatistics {
    private ReturnStatistics() {
    }

    /**
     * @param simulator the source, already configured
     * @param ticks     how many ticks to draw
     * @param symbol    whose returns to keep
     * @return log returns between consecutive ticks of {@code symbol}
     */
    static double[] logReturns(MarketSimulator simulator, int ticks, String symbol) {
        double[] returns = new double[ticks];
        int count = 0;
        Map<String, Double> lastPrice = new HashMap<>();
        for (int i = 0; i < ticks; i++) {
            Tick tick = simulator.next();
            Double previous = lastPrice.put(tick.symbol(), tick.price());
            if (previous != null && tick.symbol().equals(symbol)) {
                returns[count++] = Math.log(tick.price() / previous);
            }
        }
        return Arrays.copyOf(returns, count);
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** @return sample excess kurtosis: fourth central moment over squared variance, minus 3 */
    static double excessKurtosis(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - m;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2) - 3;
    }

    /** @return sample autocorrelation at lag 1 */
    static double lag1Autocorrelation(double[] x) {
        double m = mean(x);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - m;
            denominator += d * d;
            if (i > 0) {
                numerator += d * (x[i - 1] - m);
            }
        }
        return numerator / denominator;
    }

    static double[] abs(double[] x) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = Math.abs(x[i]);
        }
        return result;
    }
}
