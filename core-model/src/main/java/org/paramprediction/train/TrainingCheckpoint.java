package org.paramprediction.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.layer.Param;
import org.paramprediction.stats.Covariance;

/**
 * A training run paused after an epoch of its final (stage-0) training, with everything needed to go
 * on to exactly the result the run would have had without the pause ({@link StagedTraining#runSegment}):
 *
 * <ul>
 *   <li>the learned arrays ({@link org.paramprediction.layer.Network#params()} values, which never include a fixed {@code U}:
 *       it is rebuilt from its recipe) and their momentum velocities;
 *   <li>the early-stopping state: best epoch, its validation and test error, and a copy of its
 *       parameters when that epoch is not the last one;
 *   <li>every epoch so far (pre-training stages included), whose count is also the number of seeds
 *       drawn from the shuffle stream (one per epoch, {@link EpochPass#LOCAL});
 *   <li>the covariances of layers {@code >= 2}'s inputs (they come from a pre-training stage, which
 *       a continued run then need not repeat);
 *   <li>the phase of alternating optimisation, if any.
 * </ul>
 *
 * Written as a small versioned binary format (big-endian {@link DataOutputStream}, arrays as raw
 * IEEE values of the network's data type), so a continued run restores the arrays bit for bit.
 *
 * @param seed          the run's seed (a continued run must use the same one)
 * @param epochs        every epoch trained so far, in order
 * @param bestEpoch     1-based epoch of the final training whose parameters are kept so far
 * @param best          the parameters of {@code bestEpoch}, or null when it is the last epoch trained
 * @param uPhase        with alternating optimisation, whether the last epoch updated {@code U}; else null
 * @param covariances   covariances of the inputs of layers {@code >= 2} ({@code layer} 0-based), in order
 */
public record TrainingCheckpoint(long seed, DataType dtype, List<EpochMetrics> epochs, int bestEpoch,
        double bestValidError, double bestTestError, List<double[]> values, List<double[]> velocities,
        List<double[]> best, Boolean uPhase, List<LayerCovariance> covariances) {

    private static final int MAGIC = 0x50504350; // "PPCP"
    private static final int VERSION = 1;

    /** The covariance a dictionary of hidden layer {@code layer} (0-based, {@code >= 1}) was built from. */
    public record LayerCovariance(int layer, Covariance covariance) {}

    public TrainingCheckpoint {
        epochs = List.copyOf(epochs);
        values = List.copyOf(values);
        velocities = List.copyOf(velocities);
        best = best == null ? null : List.copyOf(best);
        covariances = List.copyOf(covariances);
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("dtype must be FLOAT or DOUBLE but was " + dtype);
        }
        if (values.size() != velocities.size() || (best != null && best.size() != values.size())) {
            throw new IllegalArgumentException("values, velocities and best must have one array per parameter");
        }
    }

    /** Epochs of the final training so far: where a continued run starts. */
    public int finalEpochsDone() {
        return (int) epochs.stream().filter(e -> e.stage() == 0).count();
    }

    /** The arrays of {@code params} (values, and the velocities their gradient buffers hold). */
    static List<double[]> copy(List<Param> params, boolean velocities) {
        List<double[]> out = new ArrayList<>(params.size());
        for (Param p : params) {
            out.add((velocities ? p.grad() : p.value()).dup('c').data().asDouble());
        }
        return out;
    }

    /** Writes {@code arrays} into the values (or gradient buffers) of {@code params}, checking their sizes. */
    static void restore(List<double[]> arrays, List<Param> params, boolean velocities) {
        if (arrays.size() != params.size()) {
            throw new IllegalArgumentException("the checkpoint holds " + arrays.size() + " arrays but the network has "
                    + params.size() + " parameters");
        }
        for (int i = 0; i < arrays.size(); i++) {
            Param p = params.get(i);
            INDArray target = velocities ? p.grad() : p.value();
            if (arrays.get(i).length != target.length()) {
                throw new IllegalArgumentException("parameter " + p.name() + " has " + target.length()
                        + " values but the checkpoint holds " + arrays.get(i).length);
            }
            target.assign(Nd4j.create(arrays.get(i), target.shape(), 'c').castTo(target.dataType()));
        }
    }

    /** The checkpoint's bytes: {@link #read} gives back an equal record. */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(seed);
        out.writeBoolean(dtype == DataType.DOUBLE);
        out.writeInt(epochs.size());
        for (EpochMetrics m : epochs) {
            out.writeInt(m.stage());
            out.writeInt(m.epoch());
            for (double d : new double[] {m.learningRate(), m.momentum(), m.trainLoss(), m.trainError(), m.validError(),
                    m.testError(), m.trainSeconds(), m.seconds()}) {
                out.writeDouble(d);
            }
            out.writeBoolean(m.fraction() != null);
            out.writeDouble(m.fraction() == null ? 0 : m.fraction());
        }
        out.writeInt(bestEpoch);
        out.writeDouble(bestValidError);
        out.writeDouble(bestTestError);
        out.writeByte(uPhase == null ? -1 : uPhase ? 1 : 0);
        writeArrays(out, values);
        writeArrays(out, velocities);
        out.writeBoolean(best != null);
        if (best != null) {
            writeArrays(out, best);
        }
        out.writeInt(covariances.size());
        for (LayerCovariance c : covariances) {
            out.writeInt(c.layer());
            out.writeInt(c.covariance().dimension());
            out.writeLong(c.covariance().count());
            out.writeBoolean(c.covariance().squaredInputs());
            writeDoubles(out, c.covariance().matrix());
        }
        out.flush();
    }

    private void writeArrays(DataOutputStream out, List<double[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (double[] a : arrays) {
            out.writeInt(a.length);
            if (dtype == DataType.DOUBLE) {
                writeDoubles(out, a);
            } else {
                ByteBuffer b = ByteBuffer.allocate(4 * a.length).order(ByteOrder.BIG_ENDIAN);
                for (double d : a) {
                    b.putFloat((float) d); // exact: the values came from a FLOAT array
                }
                out.write(b.array());
            }
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * a.length).order(ByteOrder.BIG_ENDIAN);
        b.asDoubleBuffer().put(a);
        out.write(b.array());
    }

    /**
     * Reads a checkpoint written by {@link #write}.
     *
     * @throws IOException when the bytes are not a checkpoint of this version, or end early
     */
    public static TrainingCheckpoint read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a training checkpoint (magic " + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("training checkpoint version " + version + ", but this code reads version " + VERSION);
        }
        long seed = in.readLong();
        DataType dtype = in.readBoolean() ? DataType.DOUBLE : DataType.FLOAT;
        int n = in.readInt();
        List<EpochMetrics> epochs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int stage = in.readInt();
            int epoch = in.readInt();
            double[] d = new double[8];
            for (int k = 0; k < d.length; k++) {
                d[k] = in.readDouble();
            }
            boolean hasFraction = in.readBoolean();
            double fraction = in.readDouble();
            epochs.add(new EpochMetrics(stage, epoch, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7],
                    hasFraction ? fraction : null));
        }
        int bestEpoch = in.readInt();
        double bestValid = in.readDouble();
        double bestTest = in.readDouble();
        byte phase = in.readByte();
        List<double[]> values = readArrays(in, dtype);
        List<double[]> velocities = readArrays(in, dtype);
        List<double[]> best = in.readBoolean() ? readArrays(in, dtype) : null;
        int c = in.readInt();
        List<LayerCovariance> covs = new ArrayList<>(c);
        for (int i = 0; i < c; i++) {
            int layer = in.readInt();
            int dim = in.readInt();
            long count = in.readLong();
            boolean squared = in.readBoolean();
            covs.add(new LayerCovariance(layer, new Covariance(dim, readDoubles(in, dim * dim), count, squared)));
        }
        return new TrainingCheckpoint(seed, dtype, epochs, bestEpoch, bestValid, bestTest, values, velocities, best,
                phase < 0 ? null : phase == 1, covs);
    }

    private static List<double[]> readArrays(DataInputStream in, DataType dtype) throws IOException {
        int n = in.readInt();
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = in.readInt();
            if (dtype == DataType.DOUBLE) {
                out.add(readDoubles(in, len));
            } else {
                byte[] bytes = new byte[4 * len];
                in.readFully(bytes);
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
                double[] a = new double[len];
                for (int k = 0; k < len; k++) {
                    a[k] = b.getFloat();
                }
                out.add(a);
            }
        }
        return out;
    }

    private static double[] readDoubles(DataInputStream in, int len) throws IOException {
        byte[] bytes = new byte[8 * len];
        in.readFully(bytes);
        double[] a = new double[len];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer().get(a);
        return a;
    }
}
