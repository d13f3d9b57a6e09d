package org.paramprediction.sweep.segment;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.paramprediction.io.AtomicFiles;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.train.TrainingCheckpoint;

/**
 * Where the segments of scheduled trials leave their state, on any Hadoop FileSystem (so a promoted
 * trial continues on any executor): {@code <out>/checkpoints/sweep_id=<id>/<trial_id>/} holds, per
 * rung {@code k} the trial reached, {@code rung-<k>.ckpt} (the {@link TrainingCheckpoint}; a fixed
 * {@code U} is never in it, it is rebuilt from its recipe) and then {@code rung-<k>.outcome} (the
 * segment's {@link SegmentOutcome}, Java-serialised). The outcome file is written last, so it marks a
 * complete segment: a resumed driver takes the result from it instead of training the segment again.
 * Both are written whole or not at all ({@link AtomicFiles}). A trial's directory is deleted once its
 * row is committed.
 */
public final class CheckpointStore implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String dir;
    private final HadoopConf hadoop;

    public CheckpointStore(String out, String sweepId, HadoopConf hadoop) {
        this.dir = new Path(out, "checkpoints/sweep_id=" + sweepId).toString();
        this.hadoop = hadoop;
    }

    public Path trialDir(String trialId) {
        return new Path(dir, trialId);
    }

    private Path file(String trialId, int rung, String ext) {
        return new Path(trialDir(trialId), "rung-" + rung + "." + ext);
    }

    public void saveCheckpoint(String trialId, int rung, TrainingCheckpoint c) {
        AtomicFiles.write(file(trialId, rung, "ckpt"), conf(), "checkpoint", c::write);
    }

    /**
     * The checkpoint trial {@code trialId} wrote at rung {@code rung}.
     *
     * @throws UncheckedIOException naming the file when it is missing or unreadable
     */
    public TrainingCheckpoint loadCheckpoint(String trialId, int rung) {
        Path f = file(trialId, rung, "ckpt");
        try (InputStream in = f.getFileSystem(conf()).open(f)) {
            return TrainingCheckpoint.read(new java.io.BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + f + " to continue trial " + trialId
                    + " from rung " + rung + ": " + e.getMessage(), e);
        }
    }

    public void saveOutcome(String trialId, int rung, SegmentOutcome o) {
        AtomicFiles.write(file(trialId, rung, "outcome"), conf(), "segment outcome", out -> {
            ObjectOutputStream s = new ObjectOutputStream(out);
            s.writeObject(o);
            s.flush();
        });
    }

    /**
     * The outcome of the segment that brought {@code trialId} to rung {@code rung}, or null when there
     * is none, or it cannot be read (e.g. written by another code version): then the segment runs again,
     * from the previous rung's checkpoint, to the same result.
     */
    public SegmentOutcome loadOutcome(String trialId, int rung) {
        Path f = file(trialId, rung, "outcome");
        try (ObjectInputStream in = new ObjectInputStream(f.getFileSystem(conf()).open(f))) {
            return (SegmentOutcome) in.readObject();
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }

    /** Deletes the trial's checkpoints and outcomes (none: nothing to do). */
    public void delete(String trialId) {
        Path d = trialDir(trialId);
        try {
            FileSystem fs = d.getFileSystem(conf());
            if (fs.exists(d)) {
                fs.delete(d, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoints " + d + ": " + e.getMessage(), e);
        }
    }

    private Configuration conf() {
        return hadoop.toConfiguration();
    }
}
