package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a trial is trained on the cluster instead of inside one task (the {@code distributed:}
 * section of a sweep file). {@code mode} is {@code data_parallel} (one network, the data split
 * into {@code partitions}, alpha-only parameter averaging every {@code stepsPerRound} minibatches)
 * or {@code columns} (each column of a layer trained as its own task, then assembled and fine-tuned
 * for {@code finetuneEpochs} epochs: the output layer or {@code all}).
 *
 * @param encoding {@code float32} or {@code fp16}
 * @param momentum {@code averaged} (velocities travel and are averaged) or {@code reset}
 * @param learningRateScale data-parallel workers use this times the learning rate (the config's
 *     default, null, resolves to {@code partitions}: the linear scaling rule)
 */
public record DistributedSpec(String mode, int partitions, int stepsPerRound, String encoding, String momentum,
        int treeDepth, double learningRateScale, String finetune, int finetuneEpochs) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DATA_PARALLEL = "data_parallel";
    public static final String COLUMNS = "columns";

    public DistributedSpec {
        check(DATA_PARALLEL.equals(mode) || COLUMNS.equals(mode), "mode must be data_parallel or columns", mode);
        check(partitions >= 1, "partitions must be >= 1", partitions);
        check(stepsPerRound >= 1, "stepsPerRound must be >= 1", stepsPerRound);
        check("float32".equals(encoding) || "fp16".equals(encoding), "encoding must be float32 or fp16", encoding);
        check("averaged".equals(momentum) || "reset".equals(momentum), "momentum must be averaged or reset",
                momentum);
        check(treeDepth >= 1, "treeDepth must be >= 1", treeDepth);
        check(learningRateScale > 0 && Double.isFinite(learningRateScale), "learningRateScale must be > 0",
                learningRateScale);
        check("output".equals(finetune) || "all".equals(finetune), "finetune must be output or all", finetune);
        check(finetuneEpochs >= 0, "finetuneEpochs must be >= 0", finetuneEpochs);
    }

    public boolean dataParallel() {
        return DATA_PARALLEL.equals(mode);
    }

    /** The settings that affect results, nested in the canonical config under {@code distributed}. */
    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode);
        if (dataParallel()) {
            m.put("partitions", partitions);
            m.put("steps_per_round", stepsPerRound);
            m.put("encoding", encoding);
            m.put("momentum", momentum);
            m.put("learning_rate_scale", learningRateScale);
        } else {
            m.put("finetune", finetune);
            m.put("finetune_epochs", finetuneEpochs);
        }
        return m;
    }

    private static void check(boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + " but was " + value);
        }
    }
}
