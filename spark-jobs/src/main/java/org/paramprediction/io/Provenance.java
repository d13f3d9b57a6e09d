package org.paramprediction.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Properties;

/** Where results came from: code and library versions, the dataset and its hash. */
public record Provenance(String codeVersion, String sparkVersion, String nd4jVersion, String javaVersion,
        String datasetPath, String datasetSha256) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Versions from the build (resource filtered by Maven) and this JVM. */
    public static Provenance of(String sparkVersion, String datasetPath, String datasetSha256) {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/paramprediction-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Provenance(p.getProperty("project.version", "unknown"), sparkVersion,
                p.getProperty("nd4j.version", "unknown"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                datasetPath, datasetSha256);
    }

    /** This machine's host name (for the row of a trial it ran). */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
