package org.paramprediction.platform;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the BLAS kernel of a test JVM before any test class touches ND4J, as {@code Main} does for
 * the command line and the executor plugin for Spark executors. Registered through {@code
 * META-INF/services}; spark-jobs' tests get it from core-model's test jar.
 */
public final class BlasKernelSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlasKernel.configure();
    }
}
