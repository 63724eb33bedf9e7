package io.tickforge.schemas.codec.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.AvroMapping;
import io.tickforge.schemas.codec.AvroSchemas;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** {@link Bar} to and from {@code bar.avsc}. */
public final class BarAvroMapping implements AvroMapping<Bar> {

    @Override
    public Class<Bar> type() {
        return Bar.class;
    }

    @Override
    public Schema schema() {
        return AvroSchemas.bar();
    }

    @Override
    public GenericRecord toGenericRecord(Bar bar) {
        GenericData.Record record = new GenericData.Record(schema());
        record.put("symbol", bar.symbol());
        record.put("start", bar.start());
        record.put("intervalMs", bar.intervalMs());
        record.put("open", bar.open());
        record.put("high", bar.high());
        record.put("low", bar.low());
        record.put("close", bar.close());
        record.put("volume", bar.volume());
        record.put("tradeCount", bar.tradeCount());
        return record;
    }

    @Override
    public Bar fromGenericRecord(GenericRecord record) {
        return new Bar(
                AvroFields.string(record, "symbol"),
                AvroFields.longValue(record, "start", "start"),
                AvroFields.longValue(record, "intervalMs", "intervalMs"),
                AvroFields.doubleValue(record, "open", "open"),
                AvroFields.doubleValue(record, "high", "high"),
                AvroFields.doubleValue(record, "low", "low"),
                AvroFields.doubleValue(record, "close", "close"),
                AvroFields.doubleValue(record, "volume", "volume"),
                AvroFields.longValue(record, "tradeCount", "tradeCount"));
    }
}
