package io.tickforge.trainer.ingest;

import io.tickforge.schemas.InvalidRecordException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReasonTest {

    @Test
    void shouldRenderTagsInLowerKebabCaseWhenReasonHasSeveralWords() {
        assertThat(DeadLetterReason.MISSING_FIELD.tag()).isEqualTo("missing-field");
        assertThat(DeadLetterReason.MALFORMED.tag()).isEqualTo("malformed");
    }

    @Test
    void shouldClassifyStartAsATimestampWhenABarsStartIsOutOfRange() {
        InvalidRecordException failure = new InvalidRecordException("start", 5L, "must be epoch milliseconds");

        assertThat(DeadLetterReason.classify(failure)).isEqualTo(DeadLetterReason.BAD_TIMESTAMP);
    }

    @Test
    void shouldClassifyWhitespaceInASymbolAsInvalidValueWhenItIsNotBlank() {
        InvalidRecordException failure = new InvalidRecordException("symbol", "A B",
                "must not contain whitespace or control characters");

        assertThat(DeadLetterReason.classify(failure)).isEqualTo(DeadLetterReason.INVALID_VALUE);
    }
}
