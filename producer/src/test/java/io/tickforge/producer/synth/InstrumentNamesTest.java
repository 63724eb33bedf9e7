package io.tickforge.producer.synth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentNamesTest {

    @Test
    void shouldNameInstrumentsAfterTheModelsSymbolWhenTheDefaultPatternIsUsed() {
        InstrumentNames names = InstrumentNames.compile(InstrumentNames.DEFAULT_PATTERN);

        assertThat(names.names("timegan-SIM-XHJ", 1, 3)).containsExactly("SYN-SIM-XHJ-0001", "SYN-SIM-XHJ-0002",
                "SYN-SIM-XHJ-0003");
    }

    @Test
    void shouldFillEveryPlaceholderWhenThePatternUsesThemAll() {
        InstrumentNames names = InstrumentNames.compile("{model}/{symbol}.{index}.{index:06d}");

        assertThat(names.name("timegan-pooled", 42)).isEqualTo("timegan-pooled/pooled.42.000042");
        assertThat(names.name("custom", 7)).isEqualTo("custom/custom.7.000007");
    }

    @Test
    void shouldNameTheFieldWhenAPlaceholderIsUnknown() {
        assertThatThrownBy(() -> InstrumentNames.compile("SYN-{sym}-{index}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synth.namePattern").hasMessageContaining("{sym}");
    }

    @Test
    void shouldRefuseAPatternWithoutAnIndexWhenCompiled() {
        assertThatThrownBy(() -> InstrumentNames.compile("SYN-{symbol}"))
                .hasMessageContaining("synth.namePattern must contain {index}");
    }

    @Test
    void shouldRefuseAnUnbalancedBraceWhenCompiled() {
        assertThatThrownBy(() -> InstrumentNames.compile("SYN-{index")).hasMessageContaining("unbalanced");
    }

    @Test
    void shouldNameTheModelWhenANameIsNotAValidSymbol() {
        InstrumentNames names = InstrumentNames.compile("{model} {index}");

        assertThatThrownBy(() -> names.names("timegan-A", 1, 2))
                .hasMessageContaining("timegan-A").hasMessageContaining("\"timegan-A 1\"")
                .hasMessageContaining("whitespace");
    }

    @Test
    void shouldRefuseNamesLongerThanASymbolWhenNamed() {
        InstrumentNames names = InstrumentNames.compile("{model}-{index}");

        assertThatThrownBy(() -> names.names("timegan-" + "X".repeat(60), 1, 1)).hasMessageContaining("64");
    }
}
