package io.tickforge.schemas.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidDocuments;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Samples;
import io.tickforge.schemas.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema files describe exactly what the records and the JSON codec accept. */
class JsonSchemaFilesTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Class<?>, String> FILES = Map.of(
            Tick.class, "/schemas/tick.schema.json",
            Bar.class, "/schemas/bar.schema.json",
            ModelMetadata.class, "/schemas/model-metadata.schema.json");

    private static JsonSchema schema(Class<?> type) {
        try (InputStream in = JsonSchemaFilesTest.class.getResourceAsStream(FILES.get(type))) {
            assertThat(in).as("schema file of %s", type.getSimpleName()).isNotNull();
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaTree(Class<?> type) {
        try (InputStream in = JsonSchemaFilesTest.class.getResourceAsStream(FILES.get(type))) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> encodedRecords() {
        return Stream.of(
                Arguments.of("quoted tick", Tick.class, JsonCodec.tick().encode(Samples.quotedTick())),
                Arguments.of("trade", Tick.class, JsonCodec.tick().encode(Samples.trade())),
                Arguments.of("bar", Bar.class, JsonCodec.bar().encode(Samples.bar())),
                Arguments.of("scored metadata", ModelMetadata.class,
                        JsonCodec.modelMetadata().encode(Samples.metadata())),
                Arguments.of("unscored metadata", ModelMetadata.class,
                        JsonCodec.modelMetadata().encode(Samples.unscoredMetadata())),
                Arguments.of("tick document", Tick.class, Samples.TICK_JSON.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("bar document", Bar.class, Samples.BAR_JSON.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("metadata document", ModelMetadata.class,
                        Samples.METADATA_JSON.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<InvalidDocuments.Case> documentsTheSchemaRejects() {
        return InvalidDocuments.schemaRejects();
    }

    static Stream<Class<?>> recordTypes() {
        return Stream.of(Tick.class, Bar.class, ModelMetadata.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedRecords")
    void shouldAcceptTheDocumentWhenItIsAValidRecord(String name, Class<?> type, byte[] json) {
        Set<ValidationMessage> errors = schema(type).validate(tree(json));

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsTheSchemaRejects")
    void shouldRejectTheDocumentWhenTheReaderRejectsIt(InvalidDocuments.Case invalid) {
        Set<ValidationMessage> errors = schema(invalid.type())
                .validate(tree(invalid.json().getBytes(StandardCharsets.UTF_8)));

        String topLevelField = invalid.field().split("[.\\[]")[0];
        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).as("the schema's verdict must be about %s", topLevelField)
                .contains(topLevelField);
    }

    @Test
    void shouldRejectASymbolWhenItHasANonBreakingLineSeparator() {
        String document = Samples.replace(Samples.TICK_JSON, "\"AAPL\"", "\"AA\\u2028PL\"");

        assertThat(schema(Tick.class).validate(tree(document.getBytes(StandardCharsets.UTF_8)))).isNotEmpty();
    }

    @Test
    void shouldAcceptASymbolWhenItHas64CharactersOutsideTheBasicPlane() {
        String symbol = "\uD835\uDC00".repeat(64); // MATHEMATICAL BOLD CAPITAL A, two UTF-16 units each
        String document = Samples.replace(Samples.TICK_JSON, "\"AAPL\"", "\"" + symbol + "\"");

        assertThat(schema(Tick.class).validate(tree(document.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void shouldBeAValidDraft202012SchemaWhenCheckedAgainstTheMetaSchema(Class<?> type) {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(schemaTree(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void shouldDeclareExactlyTheRecordComponentsWhenComparedWithTheRecord(Class<?> type) {
        List<String> mismatches = new ArrayList<>();

        compare(type, schemaTree(type), type.getSimpleName(), mismatches);

        assertThat(mismatches).isEmpty();
    }

    /** Properties, required fields and closedness of one object schema against one record, recursively. */
    private static void compare(Class<?> type, JsonNode objectSchema, String path, List<String> mismatches) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!properties.equals(names)) {
            mismatches.add(path + ": properties " + properties + " but components " + names);
        }
        if (!objectSchema.path("additionalProperties").isBoolean()
                || objectSchema.path("additionalProperties").asBoolean()) {
            mismatches.add(path + ": additionalProperties must be false");
        }
        List<String> required = new ArrayList<>();
        objectSchema.path("required").forEach(node -> required.add(node.asText()));
        for (RecordComponent component : components) {
            Class<?> componentType = component.getType();
            String name = component.getName();
            // a Double component is nullable, so optional; a list's optionality is the record's choice (an empty
            // featureNames is invalid, a missing dataWindow.symbols reads as empty) and is tested by the readers
            if (componentType == Double.class && required.contains(name)) {
                mismatches.add(path + "." + name + ": nullable in the record, must not be required");
            } else if (componentType != Double.class && componentType != List.class && !required.contains(name)) {
                mismatches.add(path + "." + name + ": required by the record, must be required");
            }
            if (componentType.isRecord()) {
                compare(componentType, objectSchema.path("properties").path(name), path + "." + name, mismatches);
            }
        }
    }
}
