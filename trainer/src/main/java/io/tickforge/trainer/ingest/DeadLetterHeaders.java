package io.tickforge.trainer.ingest;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * The headers the trainer adds to a record it sends to the dead-letter topic. The record keeps its original key,
 * value and headers, so it can be inspected and replayed as it was; these three say why and where from. Values are
 * UTF-8 text.
 */
public final class DeadLetterHeaders {
    /** Why, one of {@link DeadLetterReason#tag()}: {@code malformed}, {@code missing-field}, ... */
    public static final String REASON = "tickforge.dlq.reason";
    /** The decoder's message, naming the field and the value, e.g. {@code price must be finite and > 0, was NaN}. */
    public static final String DETAIL = "tickforge.dlq.detail";
    /** Where the record was read: {@code topic-partition@offset}, e.g. {@code market.ticks-3@1042}. */
    public static final String SOURCE = "tickforge.dlq.source";
    /** The longest {@link #DETAIL} written, in characters; longer messages are cut and end in {@code ...}. */
    public static final int MAX_DETAIL_LENGTH = 1_000;

    private DeadLetterHeaders() {
    }

    /**
     * Adds the three headers.
     *
     * @param headers where to add them (a copy of the record's own headers)
     * @param reason  why
     * @param detail  the message
     * @param source  {@code topic-partition@offset}
     * @return {@code headers}
     */
    public static Headers add(Headers headers, DeadLetterReason reason, String detail, String source) {
        String text = detail.length() > MAX_DETAIL_LENGTH ? detail.substring(0, MAX_DETAIL_LENGTH - 3) + "..." : detail;
        return headers.add(REASON, utf8(reason.tag()))
                .add(DETAIL, utf8(text))
                .add(SOURCE, utf8(source));
    }

    /**
     * @param headers a dead-lettered record's headers
     * @param name    one of this class's header names
     * @return the last value of that header as text, or {@code null} when absent
     */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
