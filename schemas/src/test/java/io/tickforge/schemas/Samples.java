package io.tickforge.schemas;

import io.tickforge.schemas.ModelMetadata.Cell;
import io.tickforge.schemas.ModelMetadata.DataWindow;
import io.tickforge.schemas.ModelMetadata.Hyperparameters;
import io.tickforge.schemas.ModelMetadata.Scores;

import java.util.List;

/** Valid records and documents shared by the tests. */
public final class Samples {
    /** 2023-11-14T22:13:20Z. */
    public static final long TS = 1_700_000_000_000L;

    /** A valid tick document with a quote; the base the invalid documents are derived from. */
    public static final String TICK_JSON =
            "{\"symbol\":\"AAPL\",\"ts\":1700000000000,\"price\":189.5,\"size\":100.0,\"bid\":189.45,\"ask\":189.55}";

    /** A valid bar document. */
    public static final String BAR_JSON = "{\"symbol\":\"GOOG\",\"start\":1700000000000,\"intervalMs\":60000,"
            + "\"open\":100.0,\"high\":101.5,\"low\":99.5,\"close\":101.0,\"volume\":12500.0,\"tradeCount\":42}";

    /** A valid model metadata document with every field. */
    public static final String METADATA_JSON = "{\"formatVersion\":1,\"modelName\":\"timegan-GOOG\","
            + "\"modelVersion\":3,\"createdAt\":1700000000000,\"tickforgeVersion\":\"0.1.0\","
            + "\"featureNames\":[\"open\",\"high\",\"low\",\"close\",\"volume\"],\"featureTransform\":\"levels\","
            + "\"hyperparameters\":{\"seqLen\":24,\"hidden\":24,\"layers\":3,\"batch\":128,"
            + "\"iterationsPerPhase\":10000,\"cell\":\"gru\",\"learningRate\":0.001,\"gamma\":1.0},"
            + "\"seed\":42,\"dataWindow\":{\"rows\":3685,\"fromTs\":1092873600000,\"toTs\":1700000000000,"
            + "\"symbols\":[\"GOOG\"]},\"scores\":{\"discriminative\":0.12,\"discriminativeStd\":0.01,"
            + "\"predictive\":0.04,\"predictiveStd\":0.002}}";

    private Samples() {
    }

    /** @return a tick with bid and ask */
    public static Tick quotedTick() {
        return new Tick("AAPL", TS, 189.5, 100.0, 189.45, 189.55);
    }

    /** @return a tick without a quote */
    public static Tick trade() {
        return Tick.trade("MSFT", TS + 1, 372.25, 7.5);
    }

    /** @return a valid bar */
    public static Bar bar() {
        return new Bar("GOOG", TS, 60_000, 100.0, 101.5, 99.5, 101.0, 12_500.0, 42);
    }

    /** @return model metadata with every optional field set */
    public static ModelMetadata metadata() {
        return new ModelMetadata(1, "timegan-GOOG", 3, TS, "0.1.0",
                List.of("open", "high", "low", "close", "volume"), "levels",
                new Hyperparameters(24, 24, 3, 128, 10_000, Cell.GRU, 0.001, 1.0), 42,
                new DataWindow(3685, 1_092_873_600_000L, TS, List.of("GOOG")),
                new Scores(0.12, 0.01, 0.04, 0.002));
    }

    /** @return model metadata of an unscored LSTM model without recorded symbols */
    public static ModelMetadata unscoredMetadata() {
        return new ModelMetadata(ModelMetadata.CURRENT_FORMAT_VERSION, "timegan-AAPL", 1, TS, "0.1.0",
                List.of("log-return"), "log-returns",
                new Hyperparameters(12, 8, 2, 32, 100, Cell.LSTM, 0.0005, 0.0), -7L,
                new DataWindow(0, TS, TS, List.of()), Scores.NONE);
    }

    /**
     * @param document a document
     * @param target   text that must occur in it exactly once
     * @param with     the replacement
     * @return the document with {@code target} replaced
     */
    public static String replace(String document, String target, String with) {
        int at = document.indexOf(target);
        if (at < 0 || document.indexOf(target, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + target + "' must occur exactly once in " + document);
        }
        return document.substring(0, at) + with + document.substring(at + target.length());
    }
}
