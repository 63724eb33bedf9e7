package io.tickforge.schemas.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidDocuments;
import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Samples;
import io.tickforge.schemas.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class JsonCodecTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RecordCodec<?> codecFor(Class<?> type) {
        if (type == Tick.class) {
            return JsonCodec.tick();
        }
        if (type == Bar.class) {
            return JsonCodec.bar();
        }
        return JsonCodec.modelMetadata();
    }

    private static InvalidRecordException decodeFailure(RecordCodec<?> codec, String document) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> codec.decode(utf8(document)));
        assertThat(e).as("decoding %s must fail", document).isNotNull();
        return e;
    }

    static Stream<InvalidDocuments.Case> invalidDocuments() {
        return InvalidDocuments.all();
    }

    @Test
    void shouldRoundTripTickWhenItHasAQuote() {
        Tick tick = Samples.quotedTick();

        assertThat(JsonCodec.tick().decode(JsonCodec.tick().encode(tick))).isEqualTo(tick);
    }

    @Test
    void shouldRoundTripTickWhenItHasNoQuote() {
        Tick tick = Samples.trade();

        assertThat(JsonCodec.tick().decode(JsonCodec.tick().encode(tick))).isEqualTo(tick);
    }

    @Test
    void shouldRoundTripBarWhenValid() {
        Bar bar = Samples.bar();

        assertThat(JsonCodec.bar().decode(JsonCodec.bar().encode(bar))).isEqualTo(bar);
    }

    @Test
    void shouldRoundTripModelMetadataWhenFullyScored() {
        ModelMetadata metadata = Samples.metadata();

        assertThat(JsonCodec.modelMetadata().decode(JsonCodec.modelMetadata().encode(metadata))).isEqualTo(metadata);
    }

    @Test
    void shouldRoundTripModelMetadataWhenUnscored() {
        ModelMetadata metadata = Samples.unscoredMetadata();

        assertThat(JsonCodec.modelMetadata().decode(JsonCodec.modelMetadata().encode(metadata))).isEqualTo(metadata);
    }

    @Test
    void shouldWriteExactlyTheComponentNamesWhenEncodingATick() throws IOException {
        JsonNode node = new ObjectMapper().readTree(JsonCodec.tick().encode(Samples.quotedTick()));

        assertThat(node.fieldNames()).toIterable().containsExactly("symbol", "ts", "price", "size", "bid", "ask");
    }

    @Test
    void shouldOmitQuoteWhenTickHasNone() throws IOException {
        JsonNode node = new ObjectMapper().readTree(JsonCodec.tick().encode(Samples.trade()));

        assertThat(node.has("bid") || node.has("ask")).isFalse();
    }

    @Test
    void shouldWriteCellInLowerCaseWhenEncodingMetadata() throws IOException {
        JsonNode node = new ObjectMapper().readTree(JsonCodec.modelMetadata().encode(Samples.unscoredMetadata()));

        assertThat(node.at("/hyperparameters/cell").asText()).isEqualTo("lstm");
    }

    @Test
    void shouldReadTheSampleDocumentsWhenTheyAreValid() {
        assertThat(JsonCodec.tick().decode(utf8(Samples.TICK_JSON))).isEqualTo(Samples.quotedTick());
        assertThat(JsonCodec.bar().decode(utf8(Samples.BAR_JSON))).isEqualTo(Samples.bar());
        assertThat(JsonCodec.modelMetadata().decode(utf8(Samples.METADATA_JSON))).isEqualTo(Samples.metadata());
    }

    @Test
    void shouldReadNullQuoteAsAbsentWhenBidAndAskAreNull() {
        String document = "{\"symbol\":\"MSFT\",\"ts\":1700000000001,\"price\":372.25,\"size\":7.5,"
                + "\"bid\":null,\"ask\":null}";

        assertThat(JsonCodec.tick().decode(utf8(document))).isEqualTo(Samples.trade());
    }

    @Test
    void shouldReadAnIntegerPriceWhenItHasNoFraction() {
        String document = Samples.replace(Samples.TICK_JSON, "189.5,", "189,");

        assertThat(JsonCodec.tick().decode(utf8(document)).price()).isEqualTo(189.0);
    }

    @Test
    void shouldReadMissingSymbolsAsEmptyWhenDataWindowHasNone() {
        String document = Samples.replace(Samples.METADATA_JSON, ",\"symbols\":[\"GOOG\"]", "");

        assertThat(JsonCodec.modelMetadata().decode(utf8(document)).dataWindow().symbols()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void shouldNameTheFieldWhenDocumentIsInvalid(InvalidDocuments.Case invalid) {
        assertThatThrownBy(() -> codecFor(invalid.type()).decode(utf8(invalid.json())))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo(invalid.field());
    }

    @Test
    void shouldReportNullValueWhenRequiredFieldIsMissing() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(),
                Samples.replace(Samples.TICK_JSON, "\"ts\":1700000000000,", ""));

        assertThat(e.value()).isEqualTo("null");
    }

    @Test
    void shouldReportTheTextWhenPriceIsNotANumber() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(),
                Samples.replace(Samples.TICK_JSON, "189.5,", "\"abc\","));

        assertThat(e.value()).isEqualTo("'abc'");
    }

    @Test
    void shouldReportTheNumberWhenPriceIsNegative() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(),
                Samples.replace(Samples.TICK_JSON, "189.5,", "-2.5,"));

        assertThat(e.value()).isEqualTo("-2.5");
    }

    @Test
    void shouldReportNaNWhenPriceIsANaNLiteral() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(),
                Samples.replace(Samples.TICK_JSON, "189.5,", "NaN,"));

        assertThat(e.value()).isEqualTo("NaN");
    }

    @Test
    void shouldListTheKnownFieldsWhenFieldIsUnknown() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(),
                Samples.replace(Samples.TICK_JSON, "\"size\":100.0,", "\"size\":100.0,\"venue\":\"XNAS\","));

        assertThat(e.getMessage()).contains("venue", "known fields", "symbol", "ask");
    }

    @Test
    void shouldReportTheAllowedCellsWhenCellIsUnknown() {
        InvalidRecordException e = decodeFailure(JsonCodec.modelMetadata(),
                Samples.replace(Samples.METADATA_JSON, "\"gru\"", "\"rnn\""));

        assertThat(e.getMessage()).contains("rnn", "gru", "lstm");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"symbol\":\"AAPL\",\"ts\":1700000000000,",
            "{\"symbol\":\"AAPL\" \"ts\":1700000000000}",
            "not json",
            "{\"symbol\":\"AAPL\",\"ts\":1700000000000,\"price\":1,\"size\":1} trailing",
            "{symbol:\"AAPL\"}",
            "{'symbol':'AAPL'}"})
    void shouldNameTheDocumentWhenJsonIsMalformed(String document) {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(), document);

        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void shouldQuoteAnExcerptWhenJsonIsMalformed() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(), "{\"symbol\":\"AAPL\" oops}");

        assertThat(e.value()).contains("oops");
    }

    @Test
    void shouldNameTheDuplicateFieldWhenAFieldRepeats() {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(),
                Samples.replace(Samples.TICK_JSON, "\"size\":100.0,", "\"size\":100.0,\"price\":1.0,"));

        assertThat(e.field()).isEqualTo("price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "[]", "42", "\"tick\""})
    void shouldNameTheDocumentWhenItIsNotAnObject(String document) {
        InvalidRecordException e = decodeFailure(JsonCodec.tick(), document);

        assertThat(e.field()).isEqualTo("$");
    }

    @Test
    void shouldNameTheDocumentWhenBytesAreNull() {
        assertThatThrownBy(() -> JsonCodec.tick().decode(null))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo("$");
    }

    @Test
    void shouldNameTheDocumentWhenBytesAreNotUtf8() {
        byte[] bytes = {'{', '"', 's', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

        assertThatThrownBy(() -> JsonCodec.tick().decode(bytes))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo("$");
    }

    @Test
    void shouldRoundTripAnyRecordWhenCreatedForItsType() {
        JsonCodec<Point> codec = JsonCodec.of(Point.class);

        assertThat(codec.decode(codec.encode(new Point(1, 2)))).isEqualTo(new Point(1, 2));
    }

    @Test
    void shouldReportItsTypeWhenAsked() {
        assertThat(JsonCodec.bar().type()).isEqualTo(Bar.class);
    }

    /** A record from outside the schemas package. */
    record Point(int x, int y) {
    }
}
