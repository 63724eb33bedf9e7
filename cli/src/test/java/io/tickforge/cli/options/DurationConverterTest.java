package io.tickforge.cli.options;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "10m,600000", "2h,7200000", "1d,86400000", "5,5000", "1.5s,1500",
        "PT10M,600000"})
    void shouldParseEachUnitWhenGivenShortOrIsoForm(String text, long millis) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10x", "0s", "-5s", ""})
    void shouldNameTheValueWhenItIsNotAPositiveDuration(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
