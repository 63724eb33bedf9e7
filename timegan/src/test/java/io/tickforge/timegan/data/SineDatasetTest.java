package io.tickforge.timegan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SineDatasetTest {

    @Test
    void shouldStayInTheUnitIntervalWhenGenerated() {
        for (float v : SineDataset.generate(200, 24, 5, 1).values()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void shouldGiveTheSameWindowsWhenTheSeedIsRepeated() {
        assertThat(SineDataset.generate(20, 24, 5, 9).values()).isEqualTo(SineDataset.generate(20, 24, 5, 9).values());
    }

    @Test
    void shouldGiveDifferentWindowsWhenTheSeedDiffers() {
        assertThat(SineDataset.generate(20, 24, 5, 9).values())
                .isNotEqualTo(SineDataset.generate(20, 24, 5, 10).values());
    }

    @Test
    void shouldFollowASineWithFrequencyAndPhaseBelowATenthWhenGenerated() {
        WindowSet set = SineDataset.generate(100, 24, 3, 4);
        for (int i = 0; i < set.count(); i++) {
            float[] w = set.window(i);
            for (int f = 0; f < 3; f++) {
                double phase = Math.asin(2 * w[f] - 1);
                double freq = Math.asin(2 * w[3 + f] - 1) - phase;
                assertThat(phase).isBetween(0.0, 0.1);
                assertThat(freq).isBetween(-1e-6, 0.1 + 1e-6);
                // t = 2 follows from f and p
                assertThat((double) w[6 + f]).isCloseTo((Math.sin(2 * freq + phase) + 1) / 2, within(1e-5));
            }
        }
    }

    @Test
    void shouldReadCountStepsAndFeaturesWhenParsingASpec() {
        assertThat(SineSpec.parse("sine:10000x24x5")).isEqualTo(SineSpec.PAPER);
    }

    @Test
    void shouldNameTheStepsWhenTheyAreNotANumber() {
        assertThatThrownBy(() -> SineSpec.parse("sine:100xabcx5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps").hasMessageContaining("'abc'");
    }

    @Test
    void shouldNameTheFeaturesWhenTheyAreZero() {
        assertThatThrownBy(() -> SineSpec.parse("sine:100x24x0")).hasMessageContaining("features")
                .hasMessageContaining("'0'");
    }

    @Test
    void shouldNameThePrefixWhenItIsMissing() {
        assertThatThrownBy(() -> SineSpec.parse("cosine:1x2x3")).hasMessageContaining("sine:")
                .hasMessageContaining("cosine:1x2x3");
    }

    @Test
    void shouldNameTheShapeWhenAPartIsMissing() {
        assertThatThrownBy(() -> SineSpec.parse("sine:100x24")).hasMessageContaining("<count>x<steps>x<features>");
    }

    @Test
    void shouldRoundTripWhenPrinted() {
        assertThat(SineSpec.parse(new SineSpec(3, 4, 5).toString())).isEqualTo(new SineSpec(3, 4, 5));
    }
}
