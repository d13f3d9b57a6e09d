# Sourced by the local run scripts (from the repository root): builds the shaded jar when it is
# missing or older than the sources, and the (absolute) classpath of the Spark jars it needs to run outside
# spark-submit. Sets JAR and RUN_CP.
JAR="$PWD/spark-jobs/target/spark-jobs-0.1.0-SNAPSHOT.jar"
CP_FILE="$PWD/spark-jobs/target/runtime-classpath.txt"
if [ ! -f "$JAR" ] || [ ! -f "$CP_FILE" ] || \
   [ -n "$(find pom.xml core-model/pom.xml spark-jobs/pom.xml core-model/src/main spark-jobs/src/main -newer "$JAR" -type f | head -1)" ]; then
  echo "building the shaded jar (mvn install, tests skipped; log in target/build.log)..."
  mkdir -p target
  # Spark is 'provided' (not in the jar): take it from the local Maven repository for a local run.
  # Maven's console (colour resets even with -q) goes to the log, shown only if the build fails.
  if ! { mvn -B -q install -DskipTests \
      && mvn -B -q -pl spark-jobs dependency:build-classpath -Dmdep.includeScope=provided \
           -Dmdep.outputFile=target/runtime-classpath.txt; } > target/build.log 2>&1; then
    cat target/build.log >&2
    echo "the build failed (log above, also in target/build.log)" >&2
    exit 1
  fi
fi
RUN_CP="$JAR:$(cat "$CP_FILE")"
