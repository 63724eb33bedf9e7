package io.tickforge.schemas;

import io.tickforge.schemas.ModelMetadata.Cell;
import io.tickforge.schemas.ModelMetadata.DataWindow;
import io.tickforge.schemas.ModelMetadata.Hyperparameters;
import io.tickforge.schemas.ModelMetadata.Scores;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.tickforge.schemas.Samples.TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class ModelMetadataTest {
    private static final Hyperparameters H = Hyperparameters.reference();
    private static final DataWindow W = new DataWindow(10, TS, TS + 1, List.of("AAPL"));
    private static final List<String> F = List.of("price");

    private static ModelMetadata metadata(int formatVersion, String name, long version, long createdAt,
                                          String tickforgeVersion, List<String> features, String transform) {
        return new ModelMetadata(formatVersion, name, version, createdAt, tickforgeVersion, features, transform, H,
                1L, W, Scores.NONE);
    }

    static Stream<Arguments> invalidConstructions() {
        return Stream.of(
                Arguments.of("formatVersion", (ThrowingCallable) () -> metadata(0, "m", 1, TS, "0.1", F, "levels")),
                Arguments.of("modelName", (ThrowingCallable) () -> metadata(1, null, 1, TS, "0.1", F, "levels")),
                Arguments.of("modelName", (ThrowingCallable) () -> metadata(1, "\t", 1, TS, "0.1", F, "levels")),
                Arguments.of("modelVersion", (ThrowingCallable) () -> metadata(1, "m", 0, TS, "0.1", F, "levels")),
                Arguments.of("createdAt", (ThrowingCallable) () -> metadata(1, "m", 1, 0, "0.1", F, "levels")),
                Arguments.of("tickforgeVersion", (ThrowingCallable) () -> metadata(1, "m", 1, TS, "", F, "levels")),
                Arguments.of("featureNames", (ThrowingCallable) () -> metadata(1, "m", 1, TS, "0.1", null, "levels")),
                Arguments.of("featureNames",
                        (ThrowingCallable) () -> metadata(1, "m", 1, TS, "0.1", List.of(), "levels")),
                Arguments.of("featureNames[1]", (ThrowingCallable) () -> metadata(1, "m", 1, TS, "0.1",
                        Arrays.asList("price", null), "levels")),
                Arguments.of("featureNames[1]", (ThrowingCallable) () -> metadata(1, "m", 1, TS, "0.1",
                        List.of("price", "price"), "levels")),
                Arguments.of("featureTransform", (ThrowingCallable) () -> metadata(1, "m", 1, TS, "0.1", F, " ")),
                Arguments.of("hyperparameters", (ThrowingCallable) () -> new ModelMetadata(1, "m", 1, TS, "0.1", F,
                        "levels", null, 1L, W, Scores.NONE)),
                Arguments.of("dataWindow", (ThrowingCallable) () -> new ModelMetadata(1, "m", 1, TS, "0.1", F,
                        "levels", H, 1L, null, Scores.NONE)),
                Arguments.of("scores", (ThrowingCallable) () -> new ModelMetadata(1, "m", 1, TS, "0.1", F,
                        "levels", H, 1L, W, null)),
                Arguments.of("hyperparameters.seqLen",
                        (ThrowingCallable) () -> new Hyperparameters(0, 24, 3, 128, 1, Cell.GRU, 0.001, 1)),
                Arguments.of("hyperparameters.hidden",
                        (ThrowingCallable) () -> new Hyperparameters(24, 0, 3, 128, 1, Cell.GRU, 0.001, 1)),
                Arguments.of("hyperparameters.layers",
                        (ThrowingCallable) () -> new Hyperparameters(24, 24, 0, 128, 1, Cell.GRU, 0.001, 1)),
                Arguments.of("hyperparameters.batch",
                        (ThrowingCallable) () -> new Hyperparameters(24, 24, 3, -1, 1, Cell.GRU, 0.001, 1)),
                Arguments.of("hyperparameters.iterationsPerPhase",
                        (ThrowingCallable) () -> new Hyperparameters(24, 24, 3, 128, 0, Cell.GRU, 0.001, 1)),
                Arguments.of("hyperparameters.cell",
                        (ThrowingCallable) () -> new Hyperparameters(24, 24, 3, 128, 1, null, 0.001, 1)),
                Arguments.of("hyperparameters.learningRate",
                        (ThrowingCallable) () -> new Hyperparameters(24, 24, 3, 128, 1, Cell.GRU, Double.NaN, 1)),
                Arguments.of("hyperparameters.gamma", (ThrowingCallable) () -> new Hyperparameters(24, 24, 3, 128, 1,
                        Cell.GRU, 0.001, Double.POSITIVE_INFINITY)),
                Arguments.of("dataWindow.rows", (ThrowingCallable) () -> new DataWindow(-1, TS, TS, null)),
                Arguments.of("dataWindow.fromTs", (ThrowingCallable) () -> new DataWindow(1, 0, TS, null)),
                Arguments.of("dataWindow.toTs", (ThrowingCallable) () -> new DataWindow(1, TS, TS - 1, null)),
                Arguments.of("dataWindow.symbols[0]", (ThrowingCallable) () -> new DataWindow(1, TS, TS,
                        List.of("A B"))),
                Arguments.of("scores.discriminative", (ThrowingCallable) () -> Scores.of(Double.NaN, 0.1)),
                Arguments.of("scores.discriminative", (ThrowingCallable) () -> Scores.of(0.51, 0.1)),
                Arguments.of("scores.predictive", (ThrowingCallable) () -> Scores.of(0.1, -0.1)),
                Arguments.of("scores.discriminativeStd",
                        (ThrowingCallable) () -> new Scores(0.1, -1.0, null, null)),
                Arguments.of("scores.discriminativeStd",
                        (ThrowingCallable) () -> new Scores(null, 0.01, null, null)),
                Arguments.of("scores.predictiveStd",
                        (ThrowingCallable) () -> new Scores(null, null, null, 0.01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConstructions")
    void shouldNameTheFieldWhenAComponentIsInvalid(String field, ThrowingCallable construction) {
        assertThatThrownBy(construction)
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo(field);
    }

    @Test
    void shouldKeepItsFeatureNamesWhenTheCallersListChanges() {
        List<String> features = new ArrayList<>(List.of("open", "close"));
        ModelMetadata metadata = metadata(1, "m", 1, TS, "0.1", features, "levels");

        features.add("volume");

        assertThat(metadata.featureNames()).containsExactly("open", "close");
    }

    @Test
    void shouldRefuseChangesWhenFeatureNamesAreModified() {
        ModelMetadata metadata = Samples.metadata();

        assertThatThrownBy(() -> metadata.featureNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldKeepItsSymbolsWhenTheCallersListChanges() {
        List<String> symbols = new ArrayList<>(List.of("AAPL"));
        DataWindow window = new DataWindow(1, TS, TS, symbols);

        symbols.add("MSFT");

        assertThat(window.symbols()).containsExactly("AAPL");
    }

    @Test
    void shouldReadNullSymbolsAsEmptyWhenNotRecorded() {
        assertThat(new DataWindow(0, TS, TS, null).symbols()).isEmpty();
    }

    @Test
    void shouldReplaceOnlyTheScoresWhenGivenNewOnes() {
        ModelMetadata unscored = Samples.unscoredMetadata();

        ModelMetadata scored = unscored.withScores(Scores.of(0.1, 0.05));

        assertThat(scored).usingRecursiveComparison().ignoringFields("scores").isEqualTo(unscored);
        assertThat(scored.scores()).isEqualTo(Scores.of(0.1, 0.05));
    }

    @Test
    void shouldMatchThePaperWhenUsingReferenceHyperparameters() {
        assertThat(Hyperparameters.reference())
                .isEqualTo(new Hyperparameters(24, 24, 3, 128, 50_000, Cell.GRU, 0.001, 1.0));
    }

    @Test
    void shouldFindTheCellWhenGivenItsWireName() {
        assertThat(Cell.fromWireName("lstm")).isEqualTo(Cell.LSTM);
    }

    @Test
    void shouldNameTheCellFieldWhenTheWireNameIsUnknown() {
        assertThatThrownBy(() -> Cell.fromWireName("rnn"))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo("hyperparameters.cell");
    }
}
