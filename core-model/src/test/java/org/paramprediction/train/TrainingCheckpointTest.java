package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.layer.Param;

/**
 * A run paused after some epochs of its final training, written to bytes, read back and continued,
 * ends exactly as the run without pauses: the same epochs, best epoch, errors and weights. Exact
 * comparison is the point here: both runs do the same computations in the same order on the same
 * machine and kernel, so any difference is lost state (a velocity, a shuffle draw, the best epoch's
 * copy), not rounding.
 */
class TrainingCheckpointTest {

    private static final DataSplits DATA = FashionMnistSubset.smaller(1_000, 200, 200);

    /** lr 0.05, momentum 0.5 to 0.9 over 3 epochs, batch 100, 6 epochs, patience 6, stage epochs 1. */
    private static final TrainingConfig CFG = new TrainingConfig(0.05, 0.95, 0.5, 0.9, 3, 1e-5, 4.0, 100, 6, 6, 1);

    @Test
    void pausedAndContinuedEqualsUninterruptedWithAPreTrainingStage() throws IOException {
        // layer 2's empirical dictionary needs a pre-training stage: a continued run takes its covariance
        // from the checkpoint instead of training the stage again
        ModelSpec spec = FashionMnistSubset.mlp(48, DictionarySpec.se(0.1, 2, 1e-3, 2.0),
                DictionarySpec.empirical(0.2, 2, 1e-3, false));
        TrainingResult whole = StagedTraining.run(spec, CFG, DATA, new LocalCovarianceSource(DATA.train()), 11,
                DataType.FLOAT, EpochListener.NONE);
        List<EpochMetrics> heard = new ArrayList<>();
        TrainingResult pieces = inSegments(spec, CFG, 11, null, heard, 1, 3, 4);
        assertSame(whole, pieces);
        assertEquals(whole.epochs().size(), heard.size(), "every epoch heard once: continued runs do not retrain the stage");
        assertEquals(1, whole.epochs().stream().filter(e -> e.stage() == 1).count());
    }

    @Test
    void pausedAndContinuedEqualsUninterruptedWithAlternatingPhases() throws IOException {
        // pauses inside a V phase (after epoch 1 of 2) and right after a U phase (epoch 3)
        ModelSpec spec = FashionMnistSubset.mlp(48, DictionarySpec.se(0.1, 2, 1e-3, 2.0),
                DictionarySpec.se(0.2, 2, 1e-3, 2.0));
        Alternation alternation = new Alternation(2, 1);
        TrainingConfig cfg = CFG.withMaxEpochs(5);
        TrainingResult whole = StagedTraining.run(spec, cfg, DATA, new LocalCovarianceSource(DATA.train()), 12,
                DataType.FLOAT, EpochListener.NONE, alternation, null);
        TrainingResult pieces = inSegments(spec, cfg, 12, alternation, new ArrayList<>(), 1, 3);
        assertSame(whole, pieces);
    }

    @Test
    void theBestEpochBeforeAPauseIsKeptWhenLaterEpochsAreWorse() throws IOException {
        // a learning rate high enough that validation error rises after its best epoch: the kept weights
        // are a copy from before the pause
        ModelSpec spec = FashionMnistSubset.mlp(48, DictionarySpec.se(0.1, 2, 1e-3, 2.0),
                DictionarySpec.se(0.2, 2, 1e-3, 2.0));
        TrainingConfig cfg = CFG.withLearningRate(0.6).withMaxEpochs(6);
        TrainingResult whole = StagedTraining.run(spec, cfg, DATA, new LocalCovarianceSource(DATA.train()), 13,
                DataType.FLOAT, EpochListener.NONE);
        TrainingResult pieces = inSegments(spec, cfg, 13, null, new ArrayList<>(), 2, 4);
        assertSame(whole, pieces);
        assertTrue(whole.bestEpoch() < whole.finalEpochs().size(),
                "the case under test: the best epoch " + whole.bestEpoch() + " is not the last of "
                        + whole.finalEpochs().size());
    }

    @Test
    void aCheckpointReadsBackEqualAndRefusesOtherRunsAndOtherBytes() throws IOException {
        ModelSpec spec = FashionMnistSubset.mlp(32, DictionarySpec.se(0.1, 2, 1e-3, 2.0),
                DictionarySpec.empirical(0.2, 2, 1e-3, false));
        TrainingCheckpoint c = StagedTraining.runSegment(spec, CFG, DATA, new LocalCovarianceSource(DATA.train()), 14,
                DataType.FLOAT, EpochListener.NONE, null, null, 2).checkpoint();
        assertNotNull(c);
        TrainingCheckpoint back = roundTrip(c);
        assertEquals(c.epochs(), back.epochs());
        assertEquals(c.bestEpoch(), back.bestEpoch());
        assertEquals(c.bestValidError(), back.bestValidError());
        assertEquals(1, back.covariances().size());
        assertEquals(c.covariances().get(0).covariance(), back.covariances().get(0).covariance());
        for (int i = 0; i < c.values().size(); i++) {
            assertArrayEquals(c.values().get(i), back.values().get(i));
            assertArrayEquals(c.velocities().get(i), back.velocities().get(i));
        }
        assertEquals(2, back.finalEpochsDone());
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> StagedTraining.runSegment(spec, CFG, DATA, new LocalCovarianceSource(DATA.train()), 15,
                        DataType.FLOAT, EpochListener.NONE, null, back, 6));
        assertTrue(seed.getMessage().contains("seed 14"), seed.getMessage());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(bytes);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThrows(IOException.class, () -> TrainingCheckpoint.read(new ByteArrayInputStream(cut)));
        IOException other = assertThrows(IOException.class,
                () -> TrainingCheckpoint.read(new ByteArrayInputStream("not a checkpoint".getBytes())));
        assertTrue(other.getMessage().contains("not a training checkpoint"), other.getMessage());
    }

    /** Runs in segments that pause after each of {@code pauses} (final-training epochs), via bytes. */
    private static TrainingResult inSegments(ModelSpec spec, TrainingConfig cfg, long seed, Alternation alternation,
            List<EpochMetrics> heard, int... pauses) throws IOException {
        TrainingCheckpoint from = null;
        for (int pause : pauses) {
            StagedTraining.Segment s = StagedTraining.runSegment(spec, cfg, DATA,
                    new LocalCovarianceSource(DATA.train()), seed, DataType.FLOAT,
                    heard::add, alternation, from, pause);
            assertNull(s.result(), "paused after epoch " + pause);
            assertEquals(pause, s.checkpoint().finalEpochsDone());
            from = roundTrip(s.checkpoint());
        }
        StagedTraining.Segment last = StagedTraining.runSegment(spec, cfg, DATA,
                new LocalCovarianceSource(DATA.train()), seed, DataType.FLOAT, heard::add, alternation, from,
                cfg.maxEpochs());
        assertNull(last.checkpoint());
        return last.result();
    }

    private static TrainingCheckpoint roundTrip(TrainingCheckpoint c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(bytes);
        return TrainingCheckpoint.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static void assertSame(TrainingResult whole, TrainingResult pieces) {
        assertEquals(whole.epochs().size(), pieces.epochs().size());
        for (int i = 0; i < whole.epochs().size(); i++) {
            EpochMetrics a = whole.epochs().get(i);
            EpochMetrics b = pieces.epochs().get(i);
            assertEquals(List.of(a.stage(), a.epoch()), List.of(b.stage(), b.epoch()), "epoch " + i);
            assertEquals(List.of(a.learningRate(), a.momentum(), a.trainLoss(), a.trainError(), a.validError(),
                    a.testError()), List.of(b.learningRate(), b.momentum(), b.trainLoss(), b.trainError(),
                    b.validError(), b.testError()), "epoch " + i + " (stage " + a.stage() + ")");
        }
        assertEquals(whole.bestEpoch(), pieces.bestEpoch());
        assertEquals(whole.bestValidError(), pieces.bestValidError());
        assertEquals(whole.testError(), pieces.testError());
        assertEquals(whole.recipes(), pieces.recipes());
        assertArrayEquals(whole.deadUnits(), pieces.deadUnits());
        List<Param> a = whole.network().params();
        List<Param> b = pieces.network().params();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().dup('c').data().asFloat(), b.get(i).value().dup('c').data().asFloat(),
                    "parameter " + a.get(i).name());
        }
    }
}
