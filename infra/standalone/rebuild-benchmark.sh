#!/usr/bin/env bash
# Time of a rebuild of every read model over 1,000,000 events: see RebuildBenchmark. The events are generated once
# (through Axon's storage engine) into the database named by database= and kept there for later runs.
# Needs PostgreSQL like the tests (HM_TEST_POSTGRES_*). Arguments go to the benchmark, e.g.
#   infra/standalone/rebuild-benchmark.sh events=1000000 database=hm_perf_rebuild mode=shadow
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/rebuild.jfr
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
M2=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}
if [ "${SKIP_BUILD:-}" != 1 ]; then
    ./mvnw -q -B $M2 -pl infra/standalone -am install -DskipTests
    ./mvnw -q -B $M2 -pl infra/standalone test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile=target/rebuild-benchmark.classpath
fi
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/rebuild-benchmark.classpath)" \
    io.harbormaster.standalone.RebuildBenchmark "$@"
