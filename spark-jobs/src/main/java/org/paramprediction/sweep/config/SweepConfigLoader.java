package org.paramprediction.sweep.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a YAML sweep file (schema: README.md, "Sweep configuration reference") into a validated {@link SweepSpec}, on the
 * driver before any Spark work. The file is read as a node tree (no object is constructed from
 * a tag), every value is checked and every problem is collected; if there is any, one {@link
 * ConfigException} lists them all, each as {@code file:line: path rule but was value}.
 */
public final class SweepConfigLoader {

    private SweepConfigLoader() {
    }

    /** Reads and validates {@code file} (UTF-8). */
    public static SweepSpec load(Path file) {
        String name = file.toString();
        String text;
        try {
            byte[] bytes = readAtMost(file, YamlTree.MAX_SIZE);
            if (bytes.length > YamlTree.MAX_SIZE) {
                String size = Files.isRegularFile(file) ? Files.size(file) + " bytes" : "larger";
                throw new ConfigException(new ConfigError(name, 0, "", YamlTree.sizeRule("bytes"), size));
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "must be UTF-8 text", null));
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(name, 0, "", "cannot be read (" + e + ")", null));
        }
        return parse(text, name);
    }

    /** The first {@code limit + 1} bytes of {@code file} at most: one more than the limit means too large. */
    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit + 1);
        }
    }

    /**
     * Validates the YAML text {@code yaml}; {@code fileName} is only used in messages.
     *
     * @throws ConfigException listing every problem found
     */
    public static SweepSpec parse(String yaml, String fileName) {
        ErrorCollector errors = new ErrorCollector(fileName);
        YamlTree tree = YamlTree.parse(yaml, errors);
        if (tree == null) {
            errors.throwIfAny();
        }
        SweepReader reader = new SweepReader(tree, errors);
        SweepDraft draft = reader.read();
        if (draft == null) {
            errors.throwIfAny();
        }
        SweepExpander expander = new SweepExpander(draft, errors);
        List<TrialSpec> trials = expander.expand();
        errors.throwIfAny();
        SweepScheduler scheduler = reader.scheduler() == null ? null
                : reader.scheduler().check(trials, draft.select() != null, errors);
        errors.throwIfAny();
        SelectSection s = draft.select();
        SweepSelect select = s == null ? null
                : new SweepSelect(s.paths(), s.metric(), s.repeats(), expander.selectGroups());
        return new SweepSpec(draft.name(), fileName, draft.repeats(),
                distinct(draft.values(SweepField.METHOD), Method.class),
                distinct(draft.values(SweepField.FRACTION), Double.class),
                distinct(draft.values(SweepField.COLUMNS), Integer.class), draft.gridKeys(), trials,
                reader.output().keepWeights(), select, scheduler);
    }

    private static <T> List<T> distinct(List<Object> values, Class<T> type) {
        return values.stream().map(type::cast).distinct().toList();
    }
}
