package org.paramprediction.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows to one Parquet file, and reads the output tables' files back, from the driver itself,
 * through parquet-hadoop and the Hadoop FileSystem API, with no Spark job (so no task slot is needed,
 * and no query planning or code generation: reading a sweep's few small files this way takes
 * milliseconds where a Spark SQL read takes seconds). The file is written under a hidden
 * name ({@code .<name>.inprogress}, which Spark, pyarrow and DuckDB's {@code *.parquet} globs skip)
 * and renamed to {@code <name>} when complete, so a reader never sees a partial file. The layout is
 * the one Spark writes (standard three-level lists, {@code TIMESTAMP(MICROS, UTC)}, snappy, the Spark
 * schema in the footer), so Spark, pandas/pyarrow and DuckDB read it like Spark's own output.
 */
public final class ParquetFiles {

    /** Spark reads its schema (with nullability) from this footer key when present. */
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    /** Names of complete files end with this; in-progress files are hidden and end otherwise. */
    static final String SUFFIX = ".parquet";

    private static final String IN_PROGRESS = ".inprogress";

    private ParquetFiles() {}

    /** A new unique file name {@code <prefix>-<epoch millis>-<uuid>.parquet}, ordered by time. */
    static String newName(String prefix) {
        return String.format("%s-%013d-%s%s", prefix, System.currentTimeMillis(), UUID.randomUUID(), SUFFIX);
    }

    /** True for the complete data files of a table directory (not hidden, not in progress). */
    static boolean isDataFile(Path p) {
        String n = p.getName();
        return n.endsWith(SUFFIX) && !n.startsWith(".") && !n.startsWith("_");
    }

    /** True for what an interrupted {@link #write} leaves behind. */
    static boolean isInProgress(Path p) {
        return p.getName().startsWith(".") && p.getName().endsWith(IN_PROGRESS);
    }

    /** Writes {@code rows} (of {@code schema}) as {@code dir/name}; returns the file's path. */
    static Path write(FileSystem fs, Configuration conf, Path dir, String name, List<Row> rows, StructType schema) {
        Path tmp = new Path(dir, "." + name + IN_PROGRESS);
        Path done = new Path(dir, name);
        try {
            fs.mkdirs(dir);
            try (ParquetWriter<Row> w = new Builder(LocalDiskOutputFile.of(fs, tmp, conf), schema)
                    .withConf(conf)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .build()) {
                for (Row r : rows) {
                    w.write(r);
                }
            }
            if (!fs.rename(tmp, done)) {
                throw new IOException("rename " + tmp + " -> " + done + " failed");
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + done + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rows of {@code files}, in file order, as {@code schema}'s columns, matched by name: a column
     * that a file does not have (an older schema version) reads as null, as in a Spark read with that
     * schema. Timestamps are read from INT64 (milli-, micro- or nanoseconds) and from Spark's legacy
     * INT96; an INT32 column is widened where the schema says long; arrays come back as {@link List}s.
     */
    static List<Row> read(Configuration conf, List<Path> files, StructType schema) {
        List<Row> rows = new ArrayList<>();
        StructField[] fields = schema.fields();
        // The low-level reader with options built once from this configuration: ParquetReader's
        // builders make a new Configuration per file, which parses Hadoop's XML defaults each time
        // (about 8 ms of a 10 ms read of a one-row file).
        ParquetReadOptions options = HadoopReadOptions.builder(conf).build();
        for (Path file : files) {
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf), options)) {
                MessageType fileSchema = r.getFooter().getFileMetaData().getSchema();
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(fileSchema);
                for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
                    RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(fileSchema));
                    for (long n = 0; n < pages.getRowCount(); n++) {
                        rows.add(row(records.read(), fields, schema));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static Row row(Group g, StructField[] fields, StructType schema) {
        Object[] values = new Object[fields.length];
        GroupType type = g.getType();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            if (type.containsField(name) && g.getFieldRepetitionCount(name) > 0) {
                int at = type.getFieldIndex(name);
                values[i] = fields[i].dataType() instanceof ArrayType a
                        ? readList(g.getGroup(at, 0), a.elementType())
                        : readValue(g, at, 0, fields[i].dataType());
            }
        }
        return new GenericRowWithSchema(values, schema);
    }

    /** A LIST group: standard three levels ({@code list.element}) or the legacy two (repeated values). */
    private static List<Object> readList(Group list, DataType element) {
        List<Object> values = new ArrayList<>();
        boolean twoLevel = list.getType().getType(0).isPrimitive();
        for (int j = 0, n = list.getFieldRepetitionCount(0); j < n; j++) {
            if (twoLevel) {
                values.add(readValue(list, 0, j, element));
            } else {
                Group e = list.getGroup(0, j);
                values.add(e.getFieldRepetitionCount(0) == 0 ? null : readValue(e, 0, 0, element));
            }
        }
        return values;
    }

    private static Object readValue(Group g, int field, int index, DataType t) {
        PrimitiveType p = g.getType().getType(field).asPrimitiveType();
        if (t.equals(DataTypes.StringType)) {
            return g.getString(field, index);
        }
        if (t.equals(DataTypes.TimestampType)) {
            return timestamp(g, field, index, p);
        }
        if (t.equals(DataTypes.IntegerType)) {
            return g.getInteger(field, index);
        }
        if (t.equals(DataTypes.LongType)) {
            return p.getPrimitiveTypeName() == PrimitiveTypeName.INT32 ? (long) g.getInteger(field, index)
                    : g.getLong(field, index);
        }
        if (t.equals(DataTypes.DoubleType)) {
            return p.getPrimitiveTypeName() == PrimitiveTypeName.FLOAT ? (double) g.getFloat(field, index)
                    : g.getDouble(field, index);
        }
        if (t.equals(DataTypes.FloatType)) {
            return g.getFloat(field, index);
        }
        if (t.equals(DataTypes.BooleanType)) {
            return g.getBoolean(field, index);
        }
        throw new IllegalArgumentException("no Parquet mapping for column type " + t);
    }

    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private static Timestamp timestamp(Group g, int field, int index, PrimitiveType p) {
        Instant at;
        if (p.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
            // Spark's legacy layout: nanoseconds of the day (8 bytes), then the Julian day (4), little-endian
            ByteBuffer b = g.getInt96(field, index).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = b.getLong();
            long day = b.getInt() - JULIAN_DAY_OF_EPOCH;
            at = Instant.EPOCH.plus(day, ChronoUnit.DAYS).plusNanos(nanosOfDay);
        } else {
            long v = g.getLong(field, index);
            LogicalTypeAnnotation.TimeUnit unit = p.getLogicalTypeAnnotation()
                    instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts ? ts.getUnit()
                    : LogicalTypeAnnotation.TimeUnit.MICROS;
            at = switch (unit) {
                case MILLIS -> Instant.ofEpochMilli(v);
                case MICROS -> Instant.EPOCH.plus(v, ChronoUnit.MICROS);
                case NANOS -> Instant.EPOCH.plusNanos(v);
            };
        }
        return Timestamp.from(at);
    }

    /** The Parquet schema Spark would write for {@code schema}. */
    static MessageType messageType(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            b.addField(type(f.name(), f.dataType(), f.nullable()));
        }
        return b.named("spark_schema");
    }

    private static Type type(String name, DataType t, boolean nullable) {
        Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (t instanceof ArrayType a) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(type("element", a.elementType(), a.containsNull()))
                            .named("list"))
                    .named(name);
        }
        if (t.equals(DataTypes.StringType)) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        if (t.equals(DataTypes.TimestampType)) {
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        }
        return Types.primitive(primitive(t), rep).named(name);
    }

    private static PrimitiveTypeName primitive(DataType t) {
        if (t.equals(DataTypes.IntegerType)) {
            return PrimitiveTypeName.INT32;
        }
        if (t.equals(DataTypes.LongType)) {
            return PrimitiveTypeName.INT64;
        }
        if (t.equals(DataTypes.DoubleType)) {
            return PrimitiveTypeName.DOUBLE;
        }
        if (t.equals(DataTypes.FloatType)) {
            return PrimitiveTypeName.FLOAT;
        }
        if (t.equals(DataTypes.BooleanType)) {
            return PrimitiveTypeName.BOOLEAN;
        }
        throw new IllegalArgumentException("no Parquet mapping for column type " + t);
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final StructType schema;

        Builder(OutputFile file, StructType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    /** Writes Spark {@link Row}s (values as {@link org.apache.spark.sql.RowFactory} or a Spark read holds them). */
    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final StructType schema;
        private RecordConsumer out;

        RowWriteSupport(StructType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(messageType(schema), Map.of(SPARK_SCHEMA_KEY, schema.json()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            out.startMessage();
            StructField[] fields = schema.fields();
            for (int i = 0; i < fields.length; i++) {
                if (row.isNullAt(i)) {
                    if (!fields[i].nullable()) {
                        throw new IllegalArgumentException("column " + fields[i].name() + " is null but not nullable");
                    }
                    continue;
                }
                out.startField(fields[i].name(), i);
                Object v = row.get(i);
                if (fields[i].dataType() instanceof ArrayType a) {
                    writeList(v instanceof List<?> l ? l : row.getList(i), a.elementType());
                } else {
                    writeValue(v, fields[i].dataType());
                }
                out.endField(fields[i].name(), i);
            }
            out.endMessage();
        }

        private void writeList(List<?> values, DataType element) {
            out.startGroup();
            if (!values.isEmpty()) {
                out.startField("list", 0);
                for (Object v : values) {
                    out.startGroup();
                    if (v != null) {
                        out.startField("element", 0);
                        writeValue(v, element);
                        out.endField("element", 0);
                    }
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
        }

        private void writeValue(Object v, DataType t) {
            if (t.equals(DataTypes.StringType)) {
                out.addBinary(Binary.fromString((String) v));
            } else if (t.equals(DataTypes.TimestampType)) {
                Instant at = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
                out.addLong(ChronoUnit.MICROS.between(Instant.EPOCH, at));
            } else if (t.equals(DataTypes.IntegerType)) {
                out.addInteger((Integer) v);
            } else if (t.equals(DataTypes.LongType)) {
                out.addLong((Long) v);
            } else if (t.equals(DataTypes.DoubleType)) {
                out.addDouble((Double) v);
            } else if (t.equals(DataTypes.FloatType)) {
                out.addFloat((Float) v);
            } else if (t.equals(DataTypes.BooleanType)) {
                out.addBoolean((Boolean) v);
            } else {
                throw new IllegalArgumentException("no Parquet mapping for column type " + t);
            }
        }
    }
}
