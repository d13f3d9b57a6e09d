package org.paramprediction.sweep;

import java.io.PrintStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.sweep.config.TrialSpec;

/** A trial in {@code distributed.mode: columns}: each column of a layer trained as its own Spark task. */
final class ColumnsTrial {

    private ColumnsTrial() {}

    static TrialOutcome run(TrialSpec t, JavaSparkContext sc, SweepContext ctx, PrintStream console) {
        throw new UnsupportedOperationException("distributed.mode columns is not wired up yet");
    }
}
