package io.tickforge.trainer.retrain;

import io.tickforge.schemas.Bar;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.data.WindowSet;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.trainer.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingSetTest {

    private static final TrainingConfig LEVELS = new TrainingConfig(FeatureTransform.LEVELS, 6, 4, 2, 8,
            RecurrentCell.GRU, 3, 2, Fixtures.SEED, 1, Duration.ofMinutes(1));

    private static TrainingRequest request(List<Bar> a, List<Bar> b) {
        TreeMap<String, List<Bar>> map = new TreeMap<>();
        map.put("A", a);
        if (b != null) {
            map.put("B", b);
        }
        return new TrainingRequest("m", map, TrainingRequest.Trigger.FIRST, Fixtures.T0);
    }

    @Test
    void shouldHoldOutTheMostRecentRowsOfEachSymbolWhenSplitting() {
        // 80 bars -> 79 log-return rows per symbol: 15 held out (10 windows of 6), 64 trained on (59 windows)
        TrainingSet set = TrainingSet.of(Fixtures.request("m", 80, 1), Fixtures.tinyTraining(), Fixtures.tinyGate(),
                1);

        assertThat(set.dataset().train().count()).isEqualTo(2 * 59);
        assertThat(set.heldOut().count()).isEqualTo(2 * 10);
        assertThat(set.dataset().validation()).isNull();
    }

    @Test
    void shouldNeverSlideAWindowAcrossSymbolsWhenConcatenating() {
        // A trades near 100, B near 1,000: a window across the two would mix both ranges
        TrainingSet set = TrainingSet.of(request(Fixtures.walk("A", 80, 100, 1), Fixtures.walk("B", 80, 1_000, 2)),
                LEVELS, Fixtures.tinyGate(), 1);
        WindowSet train = set.dataset().train();
        MinMaxScaler scaler = set.dataset().scaler();

        for (int w = 0; w < train.count(); w++) {
            float[] window = train.window(w);
            boolean low = scaler.inverse(3, window[3]) < 500;
            for (int t = 0; t < train.steps(); t++) {
                assertThat(scaler.inverse(3, window[t * 5 + 3]) < 500).as("window %d step %d", w, t).isEqualTo(low);
            }
        }
    }

    @Test
    void shouldFitTheScalerOnTrainingRowsOnlyWhenTheHeldOutSliceSpikes() {
        List<Bar> bars = new ArrayList<>(Fixtures.walk("A", 100, 100, 3));
        Bar last = bars.get(99);
        bars.set(99, new Bar("A", last.start(), last.intervalMs(), last.open(), 10_000, last.low(), last.close(),
                last.volume(), 1));
        double trainingHigh = bars.subList(0, 80).stream().mapToDouble(Bar::high).max().orElseThrow();

        TrainingSet set = TrainingSet.of(request(bars, null), LEVELS, Fixtures.tinyGate(), 1);

        assertThat(set.dataset().scaler().maxs()[1]).isEqualTo(trainingHigh);
        assertThat(set.heldOut().scaler().maxs()[1]).isEqualTo(10_000);
    }

    @Test
    void shouldDescribeTheTrainingBarsWhenBuildingTheDataWindow() {
        // log returns: 79 rows, 15 held out, so bars 0..64 (the first consumed) are the training bars
        TrainingSet set = TrainingSet.of(Fixtures.request("m", 80, 1), Fixtures.tinyTraining(), Fixtures.tinyGate(),
                1);

        assertThat(set.window().rows()).isEqualTo(2 * 65);
        assertThat(set.window().fromTs()).isEqualTo(Fixtures.T0);
        assertThat(set.window().toTs()).isEqualTo(Fixtures.T0 + 64 * Fixtures.INTERVAL);
        assertThat(set.window().symbols()).containsExactly("A", "B");
        assertThat(set.dataset().provenance().rows()).isEqualTo(2 * 65);
        assertThat(set.dataset().featureNames()).isEqualTo(FeatureTransform.LOG_RETURNS.featureNames());
    }

    @Test
    void shouldGiveTheSameWindowsWhenBuiltTwiceWithTheSameSeed() {
        TrainingSet a = TrainingSet.of(Fixtures.request("m", 80, 1), Fixtures.tinyTraining(), Fixtures.tinyGate(), 5);
        TrainingSet b = TrainingSet.of(Fixtures.request("m", 80, 1), Fixtures.tinyTraining(), Fixtures.tinyGate(), 5);

        assertThat(a.dataset().train().values()).isEqualTo(b.dataset().train().values());
        assertThat(a.heldOut().real()).isEqualTo(b.heldOut().real());
    }

    @Test
    void shouldNameTheCountsWhenTooFewBarsAreGiven() {
        assertThatThrownBy(() -> TrainingSet.of(Fixtures.request("timegan-x", 30, 1), Fixtures.tinyTraining(),
                Fixtures.tinyGate(), 1))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("model timegan-x")
                .hasMessageContaining("60 bars")
                .hasMessageContaining("held-out windows")
                .hasMessageContaining("training.batch 8");
    }

    @Test
    void shouldNameTheSymbolWhenItsBarsAreNotOldestFirst() {
        List<Bar> bars = new ArrayList<>(Fixtures.walk("A", 100, 100, 3));
        bars.set(50, bars.get(10));

        assertThatThrownBy(() -> TrainingSet.of(request(bars, null), LEVELS, Fixtures.tinyGate(), 1))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("bars of A")
                .hasMessageContaining("bars[50].start");
    }
}
