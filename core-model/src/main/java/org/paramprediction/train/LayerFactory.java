package org.paramprediction.train;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.LinearMap;

/** Turns a layer's built dictionaries (one per column) into its weight map. */
public final class LayerFactory {

    private LayerFactory() {}

    /** A {@link DenseMap} for FULL, otherwise a {@link FactoredMap} with {@code U = [U_1 ... U_c]}. */
    public static LinearMap weightMap(List<Dictionary> columns, int outputs, DataType dtype) {
        Dictionary first = columns.get(0);
        int inputs = first.inputs();
        if (first.recipe().kind() == DictionaryKind.FULL) {
            if (columns.size() != 1) {
                throw new IllegalArgumentException("a FULL layer has one column but got " + columns.size());
            }
            return new DenseMap(inputs, outputs, dtype);
        }
        int atoms = first.atoms();
        double[] u = new double[inputs * atoms * columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            Dictionary d = columns.get(j);
            if (d.atoms() != atoms || d.inputs() != inputs) {
                throw new IllegalArgumentException("column " + j + " has " + d.inputs() + "x" + d.atoms()
                        + " atoms but column 0 has " + inputs + "x" + atoms);
            }
            for (int a = 0; a < atoms; a++) {
                int base = (j * atoms + a) * inputs;
                for (int i = 0; i < inputs; i++) {
                    u[base + i] = d.get(i, a);
                }
            }
        }
        boolean trainable = first.recipe().kind() == DictionaryKind.LOW_RANK;
        return new FactoredMap(inputs, outputs, columns.size(), atoms, u, trainable, dtype);
    }
}
