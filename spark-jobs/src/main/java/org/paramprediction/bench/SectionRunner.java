package org.paramprediction.bench;

import java.util.List;

/** One section of the {@code bench} run: measures and returns its rows of the table. */
interface SectionRunner {

    List<BenchRow> run(BenchContext ctx) throws Exception;
}
