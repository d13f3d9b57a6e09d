package org.paramprediction.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets are checked on the right number, and the printed table and targets block say so. */
class BenchTableTest {

    @Test
    void aTargetChecksTheRatioWhenThereIsOneElseTheValue() {
        BenchRow share = BenchRow.of(BenchSection.TRAINING, "SE+Emp", "s/epoch", 0.4, "s").withBaseline(1.6, 0.25)
                .withTarget(Target.atMost(0.5));
        assertEquals("<= 0.5", share.target());
        assertTrue(share.met());
        BenchRow memory = BenchRow.of(BenchSection.MEMORY, "quickstart", "peak RSS", 3.0, "GB")
                .withTarget(Target.below(3));
        assertFalse(memory.met(), "3 GB is not below 3 GB");
        BenchRow missing = BenchRow.of(BenchSection.MLLIB, "ours", "time", Double.NaN, "s")
                .withTarget(Target.atMost(10));
        assertNull(missing.value());
        assertFalse(missing.met(), "a missing figure never meets a target");
    }

    @Test
    void markdownAndTargetsBlockShowEveryRowAndTheVerdicts() {
        BenchTable table = new BenchTable(new RunInfo("id-1", Instant.EPOCH, "cpu, 2 cores, Java 17"), List.of(
                BenchRow.of(BenchSection.GEMM, "step", "gemm limit", 142.8123, "GFLOP/s"),
                BenchRow.of(BenchSection.TRAINING, "Full", "dynamic parameters", 648010, "count"),
                BenchRow.of(BenchSection.SPEEDUP, "local[2]", "wall seconds", 18.8, "s").withBaseline(25.4, 1.351)
                        .withTarget(Target.atLeast(1.8)).withNote("a | pipe")));
        String md = table.markdown();
        assertTrue(md.contains("| gemm | step | gemm limit | 142.8 | GFLOP/s |"), md);
        assertTrue(md.contains("| 648010 | count |"), md);
        assertTrue(md.contains("| 18.8 | s | 25.4 | 1.351 | >= 1.8 | **no** | a \\| pipe |"), md);
        String targets = table.targets();
        assertTrue(targets.contains("[MISS] speedup / local[2] / wall seconds: ratio 1.351 (target >= 1.8)"), targets);
        assertTrue(targets.contains("0 of 1 met"), targets);
    }

    @Test
    void numbersKeepAboutFourSignificantDigits() {
        assertEquals("4.00e-04", BenchNumbers.format(4.0e-4));
        assertEquals("2.78e-16", BenchNumbers.format(2.78e-16));
        assertEquals("0.8503", BenchNumbers.format(0.85031));
        assertEquals("1.526", BenchNumbers.format(1.52649));
        assertEquals("32768", BenchNumbers.format(32768.04));
        assertEquals("3", BenchNumbers.format(3.0));
        assertEquals("", BenchNumbers.format(null));
    }
}
