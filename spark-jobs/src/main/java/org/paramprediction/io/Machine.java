package org.paramprediction.io;

import java.io.Serializable;
import org.paramprediction.platform.BlasCheck;
import org.paramprediction.platform.BlasReport;

/**
 * Where a trial ran: the host, its CPU model and the OpenBLAS kernel of the JVM that trained it
 * (the trials table's {@code host}, {@code cpu_model} and {@code blas_core}). On a cluster whose
 * nodes differ, this is what tells rows of one sweep apart when their speed does.
 */
public record Machine(String host, String cpuModel, String blasCore) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Not known (a task that died before it could report). */
    public static final Machine UNKNOWN = new Machine("unknown", null, null);

    /** This JVM: its host and its BLAS check ({@link BlasCheck#report()}, run once per JVM). */
    public static Machine here() {
        BlasReport r = BlasCheck.logOnce();
        return new Machine(Provenance.host(), r.cpuModel(), r.core());
    }
}
