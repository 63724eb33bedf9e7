package io.tickforge.schemas.codec.internal;

import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.AvroMapping;
import io.tickforge.schemas.codec.AvroSchemas;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** {@link Tick} to and from {@code tick.avsc}. */
public final class TickAvroMapping implements AvroMapping<Tick> {

    @Override
    public Class<Tick> type() {
        return Tick.class;
    }

    @Override
    public Schema schema() {
        return AvroSchemas.tick();
    }

    @Override
    public GenericRecord toGenericRecord(Tick tick) {
        GenericData.Record record = new GenericData.Record(schema());
        record.put("symbol", tick.symbol());
        record.put("ts", tick.ts());
        record.put("price", tick.price());
        record.put("size", tick.size());
        record.put("bid", tick.bid());
        record.put("ask", tick.ask());
        return record;
    }

    @Override
    public Tick fromGenericRecord(GenericRecord record) {
        return new Tick(
                AvroFields.string(record, "symbol"),
                AvroFields.longValue(record, "ts", "ts"),
                AvroFields.doubleValue(record, "price", "price"),
                AvroFields.doubleValue(record, "size", "size"),
                AvroFields.optionalDouble(record, "bid", "bid"),
                AvroFields.optionalDouble(record, "ask", "ask"));
    }
}
