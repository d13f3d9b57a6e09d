package org.paramprediction.train;

import java.io.Serializable;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.Param;
import org.paramprediction.layer.WeightedLayer;

/**
 * Alternating optimisation of {@code U} and {@code V} (METHOD.md section 8, reviewer 7). Every
 * factored layer learns its {@code U}, which starts from its dictionary. The epochs of a fit cycle
 * through {@code vEpochs} <b>V epochs</b>, which update every parameter except the {@code U}s (the
 * {@code V}s, biases, classifier and any full layer), then {@code uEpochs} <b>U epochs</b>, which
 * update only the {@code U}s: block-coordinate descent on the bilinear {@code W = U V}. Epoch {@code
 * e} (0-based within a fit) is a U epoch iff {@code e mod (vEpochs + uEpochs) >= vEpochs}. The
 * momentum velocities restart from zero at every switch of phase. Without it (null) {@code U} stays
 * the fixed dictionary (LowRank learns it jointly with {@code V}).
 */
public record Alternation(int vEpochs, int uEpochs) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Alternation {
        if (vEpochs < 1 || uEpochs < 1) {
            throw new IllegalArgumentException("v_epochs and u_epochs must be >= 1 but were " + vEpochs + " and "
                    + uEpochs);
        }
    }

    /** Whether epoch {@code e} (0-based) updates {@code U} (else {@code V} and the rest). */
    public boolean updatesU(int e) {
        return e % (vEpochs + uEpochs) >= vEpochs;
    }

    /**
     * Holds the parameters of {@code net} that the phase does not update ({@link Param#setFrozen}):
     * in a U phase everything but the learned {@code U}s, in a V phase only those.
     */
    public static void freeze(Network net, boolean uPhase) {
        for (Param p : net.params()) {
            p.setFrozen(uPhase);
        }
        for (WeightedLayer w : net.weighted()) {
            if (w.map() instanceof FactoredMap f && f.learnsDictionary()) {
                f.dictionaryParam().setFrozen(!uPhase);
            }
        }
    }

    /** Every parameter of {@code net} learns again. */
    public static void thaw(Network net) {
        for (Param p : net.params()) {
            p.setFrozen(false);
        }
    }
}
