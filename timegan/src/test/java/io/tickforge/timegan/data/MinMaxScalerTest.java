package io.tickforge.timegan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    private static final double[][] ROWS = {{1, 10}, {3, 30}, {2, 20}};

    @Test
    void shouldMapMinToZeroAndMaxToJustBelowOneWhenFitted() {
        MinMaxScaler scaler = MinMaxScaler.fit(ROWS, 2);
        assertThat(scaler.transform(0, 1)).isEqualTo(0.0);
        assertThat(scaler.transform(1, 30)).isEqualTo(20 / (20 + 1e-7));
    }

    @Test
    void shouldRecoverTheRawValueWhenInverted() {
        MinMaxScaler scaler = MinMaxScaler.fit(ROWS, 2);
        assertThat(scaler.inverse(1, scaler.transform(1, 17.5))).isCloseTo(17.5, within(1e-12));
    }

    @Test
    void shouldInvertFlatFloatValuesFeatureByFeatureWhenGivenABatch() {
        MinMaxScaler scaler = MinMaxScaler.of(new double[] {1, 10}, new double[] {3, 30});
        double[] raw = scaler.inverse(new float[] {0f, 0.5f, 1f, 0f});
        assertThat(raw).containsExactly(new double[] {1, 20, 3, 10}, within(1e-5));
    }

    @Test
    void shouldScaleAConstantFeatureToZeroWhenMinEqualsMax() {
        MinMaxScaler scaler = MinMaxScaler.fit(new double[][] {{5}, {5}}, 1);
        assertThat(scaler.transform(0, 5)).isEqualTo(0.0);
    }

    @Test
    void shouldFailNamingBothLengthsWhenMinsAndMaxsDiffer() {
        assertThatThrownBy(() -> MinMaxScaler.of(new double[] {0, 1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mins.length=2")
                .hasMessageContaining("maxs.length=1");
    }

    @Test
    void shouldFailNamingTheIndexWhenAMaxIsNotFinite() {
        assertThatThrownBy(() -> MinMaxScaler.of(new double[] {0, 1}, new double[] {1, Double.NaN}))
                .hasMessageContaining("maxs[1]").hasMessageContaining("NaN");
    }

    @Test
    void shouldReturnACopyWhenAskedForTheMins() {
        MinMaxScaler scaler = MinMaxScaler.fit(ROWS, 2);
        scaler.mins()[0] = 99;
        assertThat(scaler.mins()).containsExactly(1, 10);
    }
}
