package io.tickforge.schemas;

import java.util.List;
import java.util.stream.Stream;

import static io.tickforge.schemas.Samples.BAR_JSON;
import static io.tickforge.schemas.Samples.METADATA_JSON;
import static io.tickforge.schemas.Samples.TICK_JSON;
import static io.tickforge.schemas.Samples.replace;

/**
 * Invalid JSON documents, each with the field a reader must name. The same table drives the codec tests and the
 * JSON Schema tests, so the schema files and the readers cannot drift apart unnoticed.
 */
public final class InvalidDocuments {

    /** What the JSON Schema file can say about a case. */
    public enum SchemaVerdict {
        /** The schema file rejects the document too. */
        REJECTS,
        /** The rule is beyond JSON Schema (a relation between fields, finiteness); only the reader rejects it. */
        BEYOND_SCHEMA,
        /** The document is not JSON at all, so there is nothing to validate. */
        NOT_JSON
    }

    /**
     * @param name   what is wrong
     * @param type   the record the document claims to be
     * @param json   the document
     * @param field  the field the error must name
     * @param schema what the schema file says
     */
    public record Case(String name, Class<? extends Record> type, String json, String field, SchemaVerdict schema) {
        @Override
        public String toString() {
            return type.getSimpleName() + ": " + name;
        }
    }

    private InvalidDocuments() {
    }

    /** @return every case */
    public static Stream<Case> all() {
        return Stream.of(ticks(), bars(), metadata()).flatMap(List::stream);
    }

    /** @return the cases the schema files must reject as well */
    public static Stream<Case> schemaRejects() {
        return all().filter(c -> c.schema() == SchemaVerdict.REJECTS);
    }

    private static Case tick(String name, String target, String with, String field, SchemaVerdict schema) {
        return new Case(name, Tick.class, replace(TICK_JSON, target, with), field, schema);
    }

    private static Case bar(String name, String target, String with, String field, SchemaVerdict schema) {
        return new Case(name, Bar.class, replace(BAR_JSON, target, with), field, schema);
    }

    private static Case meta(String name, String target, String with, String field, SchemaVerdict schema) {
        return new Case(name, ModelMetadata.class, replace(METADATA_JSON, target, with), field, schema);
    }

    private static List<Case> ticks() {
        SchemaVerdict rejects = SchemaVerdict.REJECTS;
        return List.of(
                tick("missing ts", "\"ts\":1700000000000,", "", "ts", rejects),
                tick("missing price", "\"price\":189.5,", "", "price", rejects),
                tick("missing symbol", "\"symbol\":\"AAPL\",", "", "symbol", rejects),
                tick("null price", "189.5,", "null,", "price", rejects),
                tick("price as text", "189.5,", "\"abc\",", "price", rejects),
                tick("price as numeric text", "189.5,", "\"189.5\",", "price", rejects),
                tick("price as boolean", "189.5,", "true,", "price", rejects),
                tick("price as object", "189.5,", "{\"value\":1},", "price", rejects),
                tick("negative price", "189.5,", "-1,", "price", rejects),
                tick("zero price", "189.5,", "0,", "price", rejects),
                tick("NaN price as text", "189.5,", "\"NaN\",", "price", rejects),
                tick("NaN price literal", "189.5,", "NaN,", "price", SchemaVerdict.NOT_JSON),
                tick("Infinity size literal", "100.0,", "Infinity,", "size", SchemaVerdict.NOT_JSON),
                tick("-Infinity price literal", "189.5,", "-Infinity,", "price", SchemaVerdict.NOT_JSON),
                tick("infinite price by overflow", "189.5,", "1e999,", "price", SchemaVerdict.BEYOND_SCHEMA),
                tick("Infinity size as text", "100.0,", "\"Infinity\",", "size", rejects),
                tick("negative size", "100.0,", "-0.5,", "size", rejects),
                tick("blank symbol", "\"AAPL\"", "\"   \"", "symbol", rejects),
                tick("empty symbol", "\"AAPL\"", "\"\"", "symbol", rejects),
                tick("symbol with a space", "\"AAPL\"", "\"AA PL\"", "symbol", rejects),
                tick("symbol with a tab", "\"AAPL\"", "\"AA\\tPL\"", "symbol", rejects),
                tick("symbol of 65 characters", "\"AAPL\"", "\"" + "X".repeat(65) + "\"", "symbol", rejects),
                tick("symbol as number", "\"AAPL\"", "123", "symbol", rejects),
                tick("ts as fraction", "1700000000000,", "1700000000000.5,", "ts", rejects),
                tick("ts as text", "1700000000000,", "\"1700000000000\",", "ts", rejects),
                tick("ts of zero", "1700000000000,", "0,", "ts", rejects),
                tick("ts in microseconds", "1700000000000,", "1700000000000000,", "ts", rejects),
                tick("ts beyond long", "1700000000000,", "99999999999999999999,", "ts", rejects),
                tick("zero bid", "189.45,", "0,", "bid", rejects),
                tick("bid as text", "189.45,", "\"189.45\",", "bid", rejects),
                tick("ask below bid", "189.55}", "189.40}", "ask", SchemaVerdict.BEYOND_SCHEMA),
                tick("unknown field", "\"size\":100.0,", "\"size\":100.0,\"venue\":\"XNAS\",", "venue", rejects));
    }

    private static List<Case> bars() {
        SchemaVerdict rejects = SchemaVerdict.REJECTS;
        return List.of(
                bar("missing close", "\"close\":101.0,", "", "close", rejects),
                bar("missing start", "\"start\":1700000000000,", "", "start", rejects),
                bar("high below low", "\"high\":101.5", "\"high\":99.0", "high", SchemaVerdict.BEYOND_SCHEMA),
                bar("low above open", "\"low\":99.5", "\"low\":100.5", "low", SchemaVerdict.BEYOND_SCHEMA),
                bar("zero interval", "60000", "0", "intervalMs", rejects),
                bar("negative volume", "12500.0", "-1", "volume", rejects),
                bar("negative trade count", "42}", "-1}", "tradeCount", rejects),
                bar("fractional trade count", "42}", "4.2}", "tradeCount", rejects),
                bar("negative open", "\"open\":100.0", "\"open\":-100.0", "open", rejects),
                bar("unknown field", "\"tradeCount\":42", "\"tradeCount\":42,\"vwap\":100.2", "vwap", rejects));
    }

    private static List<Case> metadata() {
        SchemaVerdict rejects = SchemaVerdict.REJECTS;
        return List.of(
                meta("format version 0", "\"formatVersion\":1", "\"formatVersion\":0", "formatVersion", rejects),
                meta("missing format version", "\"formatVersion\":1,", "", "formatVersion", rejects),
                meta("blank model name", "\"timegan-GOOG\"", "\" \"", "modelName", rejects),
                meta("model version 0", "\"modelVersion\":3", "\"modelVersion\":0", "modelVersion", rejects),
                meta("missing created at", "\"createdAt\":1700000000000,", "", "createdAt", rejects),
                meta("empty tickforge version", "\"0.1.0\"", "\"\"", "tickforgeVersion", rejects),
                meta("no feature names", "[\"open\",\"high\",\"low\",\"close\",\"volume\"]", "[]",
                        "featureNames", rejects),
                meta("duplicate feature name", "\"close\",\"volume\"", "\"close\",\"close\"",
                        "featureNames[4]", rejects),
                meta("blank feature name", "\"low\"", "\"\\t\"", "featureNames[2]", rejects),
                meta("feature name as number", "\"open\",", "1,", "featureNames[0]", rejects),
                meta("feature names as text", "[\"open\",\"high\",\"low\",\"close\",\"volume\"]", "\"open\"",
                        "featureNames", rejects),
                meta("blank feature transform", "\"levels\"", "\"\"", "featureTransform", rejects),
                meta("missing hyperparameters", replaceTarget(METADATA_JSON, "\"hyperparameters\":", "\"seed\""),
                        "", "hyperparameters", rejects),
                meta("unknown cell", "\"gru\"", "\"rnn\"", "hyperparameters.cell", rejects),
                meta("upper-case cell", "\"gru\"", "\"GRU\"", "hyperparameters.cell", rejects),
                meta("cell as ordinal", "\"gru\"", "0", "hyperparameters.cell", rejects),
                meta("sequence length 0", "\"seqLen\":24", "\"seqLen\":0", "hyperparameters.seqLen", rejects),
                meta("sequence length beyond int", "\"seqLen\":24", "\"seqLen\":2147483648",
                        "hyperparameters.seqLen", rejects),
                meta("zero learning rate", "0.001", "0", "hyperparameters.learningRate", rejects),
                meta("negative gamma", "\"gamma\":1.0", "\"gamma\":-1.0", "hyperparameters.gamma", rejects),
                meta("unknown hyperparameter", "\"gamma\":1.0", "\"gamma\":1.0,\"dropout\":0.1",
                        "hyperparameters.dropout", rejects),
                meta("seed as text", "\"seed\":42", "\"seed\":\"42\"", "seed", rejects),
                meta("negative rows", "\"rows\":3685", "\"rows\":-1", "dataWindow.rows", rejects),
                meta("window ending before it starts", "\"toTs\":1700000000000", "\"toTs\":1000000000000",
                        "dataWindow.toTs", SchemaVerdict.BEYOND_SCHEMA),
                meta("symbol with a space", "[\"GOOG\"]", "[\"GO OG\"]", "dataWindow.symbols[0]", rejects),
                meta("negative discriminative score", "\"discriminative\":0.12", "\"discriminative\":-0.12",
                        "scores.discriminative", rejects),
                meta("discriminative score above 0.5", "\"discriminative\":0.12", "\"discriminative\":0.62",
                        "scores.discriminative", rejects),
                meta("predictive deviation without a score", "\"predictive\":0.04,", "",
                        "scores.predictiveStd", rejects),
                meta("missing scores", ",\"scores\":{\"discriminative\":0.12,\"discriminativeStd\":0.01,"
                        + "\"predictive\":0.04,\"predictiveStd\":0.002}", "", "scores", rejects),
                meta("unknown field", "\"seed\":42,", "\"seed\":42,\"scaler\":null,", "scaler", rejects));
    }

    /** The text from {@code from} up to, not including, {@code to}: used to cut out a nested object. */
    private static String replaceTarget(String document, String from, String to) {
        int start = document.indexOf(from);
        int end = document.indexOf(to, start);
        return document.substring(start, end);
    }
}
