package org.paramprediction.covariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.paramprediction.train.PatchRows;

/** The partition count of a covariance job is a function of the rows only (worked out by hand). */
class CovariancePartitionsTest {

    @Test
    void rowPartitionsAreOnePer16384RowsAndAtLeastOne() {
        assertEquals(1, CovariancePartitions.forRows(0));
        assertEquals(1, CovariancePartitions.forRows(300));
        assertEquals(1, CovariancePartitions.forRows(16_384));
        assertEquals(2, CovariancePartitions.forRows(16_385));
        assertEquals(4, CovariancePartitions.forRows(50_000), "Fashion-MNIST's training split");
        assertEquals(131_072, CovariancePartitions.forRows(Integer.MAX_VALUE), "no overflow");
    }

    @Test
    void patchPartitionsAreOnePer1250Images() {
        assertEquals(1, CovariancePartitions.forPatchImages(1));
        assertEquals(1, CovariancePartitions.forPatchImages(1250));
        assertEquals(2, CovariancePartitions.forPatchImages(1251));
        assertEquals(4, CovariancePartitions.forPatchImages(PatchRows.IMAGES));
    }

    @Test
    void negativeCountsAreRejectedNamingTheValue() {
        assertEquals("rows must be >= 0 but was -1",
                assertThrows(IllegalArgumentException.class, () -> CovariancePartitions.forRows(-1)).getMessage());
    }
}
