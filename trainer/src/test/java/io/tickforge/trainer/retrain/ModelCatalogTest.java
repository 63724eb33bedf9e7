package io.tickforge.trainer.retrain;

import io.tickforge.timegan.checkpoint.CheckpointException;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.trainer.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    private static long version(ModelCatalog catalog, String name) {
        return catalog.current(name).orElseThrow().metadata().modelVersion();
    }

    @Test
    void shouldHoldNothingWhenNothingWasOffered() {
        ModelCatalog catalog = new ModelCatalog();

        assertThat(catalog.current("timegan-A")).isEmpty();
        assertThat(catalog.names()).isEmpty();
    }

    @Test
    void shouldMakeTheFirstOfferCurrentWhenTheModelIsNew() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        byte[] bytes = Fixtures.checkpoint("timegan-A", 3);

        boolean replaced = catalog.offer("timegan-A", bytes);

        assertThat(replaced).isTrue();
        ModelCatalog.Entry entry = catalog.current("timegan-A").orElseThrow();
        assertThat(entry.metadata().modelVersion()).isEqualTo(3);
        assertThat(entry.checkpoint()).isEqualTo(bytes);
        assertThat(entry.size()).isEqualTo(bytes.length);
    }

    @Test
    void shouldKeepTheNewerVersionWhenAnOlderOneIsOffered() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 3));

        boolean replaced = catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 2));

        assertThat(replaced).isFalse();
        assertThat(version(catalog, "timegan-A")).isEqualTo(3);
    }

    @Test
    void shouldKeepTheCurrentCheckpointWhenTheSameVersionIsOfferedAgain() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 3));

        assertThat(catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 3))).isFalse();
    }

    @Test
    void shouldReplaceTheCurrentCheckpointWhenANewerVersionIsOffered() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 3));

        boolean replaced = catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 4));

        assertThat(replaced).isTrue();
        assertThat(version(catalog, "timegan-A")).isEqualTo(4);
    }

    @Test
    void shouldRejectGarbageBytesNamingTheModelWhenOffered() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 1));

        assertThatThrownBy(() -> catalog.offer("timegan-A", "not a model".getBytes(UTF_8)))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("timegan-A")
                .hasMessageContaining("not a tickforge checkpoint");
        assertThat(version(catalog, "timegan-A")).isEqualTo(1);
    }

    @Test
    void shouldRejectACorruptCheckpointWhenABitIsFlipped() {
        ModelCatalog catalog = new ModelCatalog();
        byte[] bytes = Fixtures.checkpoint("timegan-A", 1);
        bytes[bytes.length - 10] ^= 0x10;

        assertThatThrownBy(() -> catalog.offer("timegan-A", bytes))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("corrupt");
        assertThat(catalog.current("timegan-A")).isEmpty();
    }

    @Test
    void shouldRejectACheckpointOfAnotherModelWhenOfferedUnderThisName() {
        ModelCatalog catalog = new ModelCatalog();

        assertThatThrownBy(() -> catalog.offer("timegan-A", Fixtures.checkpoint("timegan-B", 1)))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("timegan-A")
                .hasMessageContaining("it is model timegan-B");
        assertThat(catalog.names()).isEmpty();
    }

    @Test
    void shouldListTheNamesSortedWhenSeveralModelsAreCurrent() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        catalog.offer("timegan-B", Fixtures.checkpoint("timegan-B", 1));
        catalog.offer("timegan-A", Fixtures.checkpoint("timegan-A", 1));

        assertThat(catalog.names()).containsExactly("timegan-A", "timegan-B");
    }

    @Test
    void shouldHandOutACopyWhenTheBytesAreRead() throws Exception {
        ModelCatalog catalog = new ModelCatalog();
        byte[] bytes = Fixtures.checkpoint("timegan-A", 1);
        catalog.offer("timegan-A", bytes);
        byte[] copy = catalog.current("timegan-A").orElseThrow().checkpoint();
        Arrays.fill(copy, (byte) 0);
        Arrays.fill(bytes, (byte) 0);

        assertThat(catalog.current("timegan-A").orElseThrow().load(Gemm.plainJava()).metadata().modelVersion())
                .isEqualTo(1);
    }
}
