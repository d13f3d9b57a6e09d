package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --verbose}, on any subcommand, brings the INFO log back; without it the root level is left alone. */
class VerboseTest {

    private final Level before = LogManager.getRootLogger().getLevel();

    @AfterEach
    void restoreTheLevel() {
        Configurator.setRootLevel(before);
    }

    @Test
    void verboseOnASubcommandSetsTheRootLevelToInfo() {
        Path config = Path.of("../conf/sweeps/quickstart.yaml");
        assertEquals(0, CliRun.of("validate", config.toString()).code());
        assertEquals(before, LogManager.getRootLogger().getLevel(), "no change without --verbose");
        CliRun r = CliRun.of("validate", "--verbose", config.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Level.INFO, LogManager.getRootLogger().getLevel());
    }
}
