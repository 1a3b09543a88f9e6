#!/usr/bin/env bash
# What the reconciler costs with a large idle fleet (CPU of the platform's JVM and of PostgreSQL, commits, cycle
# time): see ReconcilerBenchmark. Needs PostgreSQL like the tests (HM_TEST_POSTGRES_*); PostgreSQL's CPU is that of
# the server's postmaster and its children, so run it with nothing else using that server. Arguments go to the
# benchmark, e.g.
#   infra/standalone/reconciler-benchmark.sh machines=10000 interval=30 cycles=3
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl infra/standalone -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/reconciler-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/reconciler-benchmark.classpath)" \
    io.harbormaster.standalone.ReconcilerBenchmark "$@"
