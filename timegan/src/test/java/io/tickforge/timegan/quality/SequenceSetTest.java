package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceSetTest {

    @Test
    void shouldAddressSequenceMajorWhenReadingAValue() {
        float[] data = new float[2 * 3 * 4];
        data[(1 * 3 + 2) * 4 + 3] = 7f;

        assertThat(SequenceSet.of(data, 3, 4).get(1, 2, 3)).isEqualTo(7f);
    }

    @Test
    void shouldRejectDataWhenLengthDoesNotMatchTheShape() {
        assertThatThrownBy(() -> new SequenceSet(new float[10], 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data").hasMessageContaining("got 10");
    }

    @Test
    void shouldNameThePositionWhenAValueIsNotFinite() {
        float[] data = new float[2 * 3 * 2];
        data[(1 * 3 + 2) * 2 + 1] = Float.NaN;

        assertThatThrownBy(() -> new SequenceSet(data, 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must be finite, got NaN at sequence 1, step 2, feature 1");
    }
}
