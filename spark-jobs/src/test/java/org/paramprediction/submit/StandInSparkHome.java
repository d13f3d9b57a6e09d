package org.paramprediction.submit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stand-in SPARK_HOME of the spark-submit integration tests: {@code target/spark-home/jars} holds
 * Spark's jars (copied by the pom in pre-integration-test) and {@code bin/} gets
 * {@code src/test/spark-home/bin}, whose {@code spark-class}, like Spark's, runs
 * {@code org.apache.spark.launcher.Main} and execs the java command it prints.
 */
final class StandInSparkHome {

    private StandInSparkHome() {}

    /** The spark-jobs module directory. */
    static Path module() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The repository root (where {@code submit-scripts/} is). */
    static Path repo() {
        return module().getParent();
    }

    /** Checks the shaded jar and Spark's jars are there, installs {@code bin/}; the SPARK_HOME. */
    static Path prepare() throws IOException {
        Path module = module();
        Path jar = module.resolve("target/spark-jobs-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "no shaded jar " + jar + " (run mvn verify, not the IT alone)");
        Path sparkHome = module.resolve("target/spark-home");
        Path jars = sparkHome.resolve("jars");
        try (Stream<Path> s = Files.list(jars)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("spark-launcher_2.12-")), "no spark-launcher in " + jars);
            assertTrue(names.stream().anyMatch(n -> n.startsWith("spark-core_2.12-")), "no spark-core in " + jars);
        } catch (java.nio.file.NoSuchFileException e) {
            fail("no " + jars + ": the pom's pre-integration-test copy-dependencies did not run");
        }
        Path bin = Files.createDirectories(sparkHome.resolve("bin"));
        for (String script : List.of("spark-class", "spark-submit")) {
            Path target = bin.resolve(script);
            Files.copy(module.resolve("src/test/spark-home/bin").resolve(script), target,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return sparkHome;
    }

    /**
     * Makes {@code env} hermetic (no Spark, Hadoop or submit-sweep.sh settings of the machine running
     * the build) and points it at {@code sparkHome}, on 127.0.0.1, with one BLAS thread and this JVM's
     * Java; each JVM chooses its OpenBLAS kernel itself.
     */
    static void hermetic(Map<String, String> env, Path sparkHome) {
        env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.equals("JAR")
                || k.equals("MASTER") || k.equals("DEPLOY_MODE") || k.endsWith("_MEMORY") || k.equals("EXECUTOR_CORES")
                || k.equals("MEMORY_OVERHEAD") || k.equals("VERBOSE"));
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("OMP_NUM_THREADS", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("OPENBLAS_CORETYPE");
    }
}
