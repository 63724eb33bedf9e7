package io.tickforge.schemas.codec;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Tick;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code .avsc} files describe exactly the records' components, so the two cannot drift apart. */
class AvroSchemaFilesTest {

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of(Tick.class, AvroSchemas.tick()),
                Arguments.of(Bar.class, AvroSchemas.bar()),
                Arguments.of(ModelMetadata.class, AvroSchemas.modelMetadata()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void shouldNameFieldsAsTheRecordComponentsWhenComparedWithTheRecord(Class<?> type, Schema schema) {
        List<String> mismatches = new ArrayList<>();

        compareNames(type, schema, type.getSimpleName(), mismatches);

        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void shouldTypeFieldsAsTheRecordComponentsWhenComparedWithTheRecord(Class<?> type, Schema schema) {
        List<String> mismatches = new ArrayList<>();

        compareTypes(type, schema, type.getSimpleName(), mismatches);

        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void shouldLiveInTheRecordsNamespaceWhenLoaded(Class<?> type, Schema schema) {
        assertThat(schema.getFullName()).isEqualTo("io.tickforge.schemas." + type.getSimpleName());
    }

    @Test
    void shouldListTheWireNamesOfCellWhenComparedWithTheEnum() {
        Schema cell = AvroSchemas.modelMetadata().getField("hyperparameters").schema().getField("cell").schema();

        assertThat(cell.getEnumSymbols()).containsExactlyElementsOf(
                Arrays.stream(ModelMetadata.Cell.values()).map(ModelMetadata.Cell::wireName).toList());
    }

    private static void compareNames(Class<?> type, Schema schema, String path, List<String> mismatches) {
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> fields = schema.getFields().stream().map(Schema.Field::name).toList();
        if (!fields.equals(components)) {
            mismatches.add(path + ": fields " + fields + " but components " + components);
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Schema.Field field = schema.getField(component.getName());
            if (component.getType().isRecord() && field != null) {
                compareNames(component.getType(), field.schema(), path + "." + component.getName(), mismatches);
            }
        }
    }

    private static void compareTypes(Class<?> type, Schema schema, String path, List<String> mismatches) {
        for (RecordComponent component : type.getRecordComponents()) {
            Schema.Field field = schema.getField(component.getName());
            String where = path + "." + component.getName();
            if (field == null) {
                mismatches.add(where + ": no such field");
                continue;
            }
            Class<?> javaType = component.getType();
            Schema avro = field.schema();
            if (javaType == Double.class) {
                boolean nullableDouble = avro.getType() == Schema.Type.UNION && avro.getTypes().size() == 2
                        && avro.getTypes().get(0).getType() == Schema.Type.NULL
                        && avro.getTypes().get(1).getType() == Schema.Type.DOUBLE
                        && field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE;
                if (!nullableDouble) {
                    mismatches.add(where + ": must be [\"null\", \"double\"] with default null, is " + avro);
                }
            } else if (expected(javaType) != avro.getType()) {
                mismatches.add(where + ": " + javaType.getSimpleName() + " must be " + expected(javaType)
                        + ", is " + avro.getType());
            } else if (javaType == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType())
                        .getActualTypeArguments()[0];
                if (expected(element) != avro.getElementType().getType()) {
                    mismatches.add(where + ": elements must be " + expected(element));
                }
            } else if (javaType.isRecord()) {
                if (!avro.getName().equals(javaType.getSimpleName())) {
                    mismatches.add(where + ": record must be named " + javaType.getSimpleName());
                }
                compareTypes(javaType, avro, where, mismatches);
            }
        }
    }

    private static Schema.Type expected(Class<?> javaType) {
        if (javaType == int.class) {
            return Schema.Type.INT;
        }
        if (javaType == long.class) {
            return Schema.Type.LONG;
        }
        if (javaType == double.class) {
            return Schema.Type.DOUBLE;
        }
        if (javaType == String.class) {
            return Schema.Type.STRING;
        }
        if (javaType == List.class) {
            return Schema.Type.ARRAY;
        }
        if (javaType.isEnum()) {
            return Schema.Type.ENUM;
        }
        if (javaType.isRecord()) {
            return Schema.Type.RECORD;
        }
        throw new IllegalArgumentException("no Avro type for " + javaType);
    }
}
