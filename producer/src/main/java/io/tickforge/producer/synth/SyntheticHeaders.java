package io.tickforge.producer.synth;

/**
 * The headers on every synthetic record. Values are UTF-8 text, numbers in decimal, like the model topic's headers.
 * With them a consumer tells synthetic records from real ones, knows which model version made each, and checks a
 * stream for gaps or duplicates.
 */
public final class SyntheticHeaders {

    /** Always {@code true}: the record is synthetic. */
    public static final String SYNTHETIC = "tickforge.synthetic";
    /** The name of the model that generated the record, e.g. {@code timegan-SIM-XHJ}. */
    public static final String MODEL_NAME = "tickforge.model.name";
    /** The version of that model, decimal. */
    public static final String MODEL_VERSION = "tickforge.model.version";
    /** The synthetic instrument's stream: its name, which is also the record key. */
    public static final String STREAM_ID = "tickforge.stream.id";
    /**
     * The record's number in its stream, decimal, from 0: strictly increasing by one per record, continued across
     * model hot swaps (a gap means a record was lost, e.g. a failed send).
     */
    public static final String STREAM_SEQ = "tickforge.stream.seq";

    private SyntheticHeaders() {
    }
}
