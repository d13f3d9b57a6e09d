package org.paramprediction.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows to one Parquet file from the driver itself, through parquet-hadoop and the Hadoop
 * FileSystem API, with no Spark job (so no task slot is needed). The file is written under a hidden
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
            try (ParquetWriter<Row> w = new Builder(HadoopOutputFile.fromPath(tmp, conf), schema)
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
