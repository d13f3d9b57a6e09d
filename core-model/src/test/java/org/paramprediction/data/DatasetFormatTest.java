package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFormatTest {

    @Test
    void configNamesParseToTheirFormats() {
        assertEquals(DatasetFormat.IDX, DatasetFormat.parse("idx"));
        assertEquals(DatasetFormat.CIFAR10, DatasetFormat.parse("cifar10"));
        assertEquals(DatasetFormat.STL10, DatasetFormat.parse("stl10"));
        for (DatasetFormat f : DatasetFormat.values()) {
            assertEquals(f, DatasetFormat.parse(f.configName()));
        }
    }

    @Test
    void unknownNameIsRejectedListingTheValidNames() {
        for (String bad : new String[] {"cifar", "CIFAR10", " idx", "", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetFormat.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'")
                    && e.getMessage().contains("valid formats: idx, cifar10, stl10"), e.getMessage());
        }
    }

    @Test
    void shapesClassesAndFiles() {
        assertEquals(new Shape(1, 28, 28), DatasetFormat.IDX.shape());
        assertEquals(new Shape(3, 32, 32), DatasetFormat.CIFAR10.shape());
        assertEquals(new Shape(3, 96, 96), DatasetFormat.STL10.shape());
        for (DatasetFormat f : DatasetFormat.values()) {
            assertEquals(10, f.numClasses());
        }
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"), DatasetFormat.IDX.files());
        assertEquals(List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin"), DatasetFormat.CIFAR10.files());
        assertEquals(List.of("train_X.bin", "train_y.bin", "test_X.bin", "test_y.bin"), DatasetFormat.STL10.files());
    }

    @Test
    void everyFormatErrorIsADatasetFormatExceptionAndAnIllegalArgument() {
        IllegalArgumentException idx = new IdxFormatException("f: bad magic");
        assertTrue(idx instanceof DatasetFormatException);
        assertTrue(new DatasetFormatException("f: truncated") instanceof IllegalArgumentException);
    }
}
