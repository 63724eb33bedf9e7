package io.tickforge.producer.follow;

import io.tickforge.producer.synth.ServedModel;
import io.tickforge.producer.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelBoardTest {

    private final ModelBoard board = new ModelBoard();

    private static ServedModel model(long version) {
        return ServedModel.of(TestModels.spec().version(version).checkpoint(), Duration.ofSeconds(1));
    }

    @Test
    void shouldReplaceAModelWhenANewerVersionIsOffered() throws Exception {
        board.offer(model(1));

        assertThat(board.offer(model(2))).isEqualTo(1);
        assertThat(board.versions()).containsExactly(org.assertj.core.api.Assertions.entry(TestModels.NAME, 2L));
    }

    @Test
    void shouldRejectAsStaleAndKeepTheServedOneWhenAnOlderOrEqualVersionIsOffered() throws Exception {
        board.offer(model(3));

        for (long v : new long[] {2, 3}) {
            assertThatThrownBy(() -> board.offer(model(v))).isInstanceOf(ModelRejectedException.class)
                    .satisfies(e -> assertThat(((ModelRejectedException) e).reason()).isEqualTo(RejectReason.STALE));
        }
        assertThat(board.versions()).containsEntry(TestModels.NAME, 3L);
    }

    @Test
    void shouldChangeItsGenerationWhenModelsChange() throws Exception {
        long g0 = board.generation();
        board.offer(model(1));
        long g1 = board.generation();
        board.remove(TestModels.NAME);

        assertThat(g1).isNotEqualTo(g0);
        assertThat(board.generation()).isNotEqualTo(g1);
        assertThat(board.models()).isEmpty();
    }

    @Test
    void shouldWakeAWaiterWhenAModelArrives() throws Exception {
        long seen = board.generation();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                board.awaitChange(seen, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        board.offer(model(1));

        waiter.get(10, TimeUnit.SECONDS);
        assertThat(board.generation()).isNotEqualTo(seen);
    }
}
