package org.paramprediction.sweep.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paramprediction.rica.RicaPipeline;
import org.paramprediction.train.Alternation;
import org.paramprediction.train.Growth;
import org.paramprediction.train.TrainingConfig;

/**
 * A trial's identity, derived only from its configuration: {@code trialId} = the first 16 hex
 * characters of {@code SHA-256(canonicalConfig)}, {@code seed} = the first 8 bytes (big-endian) of
 * {@code SHA-256("seed:" + canonicalConfig)} with the sign bit cleared, or 1 if that is 0. Never
 * time, partition or attempt number, so a retried Spark task reproduces the same numbers.
 */
final class TrialIdentity {

    private TrialIdentity() {
    }

    static String trialId(String canonicalConfig) {
        return HexFormat.of().formatHex(sha256(canonicalConfig), 0, 8);
    }

    static long seed(String canonicalConfig) {
        byte[] h = sha256("seed:" + canonicalConfig);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        v &= Long.MAX_VALUE;
        return v == 0 ? 1 : v;
    }

    /**
     * The canonical JSON of the fields that affect a trial's result (everything but sweep id,
     * trial id and seed), nested like the YAML file and with its key names; an unused length scale
     * (0) is rendered as null. A RICA trial has {@code model.rica} in place of {@code model.hidden},
     * {@code model.activation} and {@code training}.
     */
    static String canonicalConfig(int repeat, String method, double fraction, int columns, String dataFormat,
            String dataRoot,
            int trainSize, int validSize, Integer testSize, Long permutationSeed, List<Integer> hidden,
            String activation, double ridge, double lengthScale, double lengthScaleFactor, boolean orthonormal,
            TrainingConfig training, DistributedSpec distributed, ConvSettings conv, Alternation alternate,
            Growth grow, RicaPipeline.Settings rica) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        if (!"idx".equals(dataFormat)) { // absent for Fashion-MNIST IDX, so existing trial ids stay as they were
            dataset.put("format", dataFormat);
        }
        dataset.put("root", dataRoot);
        dataset.put("train_size", trainSize);
        dataset.put("valid_size", validSize);
        dataset.put("test_size", testSize);
        dataset.put("permutation_seed", permutationSeed);
        Map<String, Object> model = new LinkedHashMap<>();
        if (conv != null) { // absent for MLPs, so their ids stay as they were
            model.put("conv", conv.layers().stream().map(ConvLayerSetting::canonical).toList());
        }
        if (rica != null) { // RICA trials: no network, no SGD
            model.put("rica", RicaSettingsReader.canonical(rica));
        } else {
            model.put("hidden", hidden);
            model.put("activation", activation);
        }
        Map<String, Object> dictionary = new LinkedHashMap<>();
        dictionary.put("ridge", ridge);
        dictionary.put("length_scale", lengthScale > 0 ? lengthScale : null);
        dictionary.put("length_scale_factor", lengthScaleFactor > 0 ? lengthScaleFactor : null);
        dictionary.put("orthonormal", orthonormal);
        if (conv != null) {
            dictionary.put("channels", conv.channels());
        }
        if (grow != null) { // absent when unset, so existing trial ids stay as they were
            dictionary.put("grow", Map.of("to", grow.to(), "every", grow.every(), "step", grow.step()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("method", method);
        root.put("fraction", fraction);
        root.put("columns", columns);
        root.put("repeat", repeat);
        root.put("dataset", dataset);
        root.put("model", model);
        root.put("dictionary", dictionary);
        Map<String, Object> trainingMap = training(training);
        if (alternate != null) { // absent when unset, so existing trial ids stay as they were
            trainingMap.put("alternate", Map.of("v_epochs", alternate.vEpochs(), "u_epochs", alternate.uEpochs()));
        }
        if (rica == null) {
            root.put("training", trainingMap);
        }
        if (distributed != null) { // absent for single-task trials, so their ids stay as they were
            root.put("distributed", distributed.canonical());
        }
        return CanonicalJson.render(root);
    }

    private static Map<String, Object> training(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learning_rate", c.learningRate());
        m.put("learning_rate_decay", c.learningRateDecay());
        m.put("momentum_start", c.momentumStart());
        m.put("momentum_end", c.momentumEnd());
        m.put("momentum_ramp_epochs", c.momentumRampEpochs());
        m.put("weight_decay", c.weightDecay());
        m.put("max_column_norm", c.maxColumnNorm());
        m.put("batch_size", c.batchSize());
        m.put("epochs", c.maxEpochs());
        m.put("patience", c.patience());
        m.put("stage_epochs", c.stageEpochs());
        return m;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
