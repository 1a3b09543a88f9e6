#!/usr/bin/env bash
# Lifecycle throughput benchmark of the write side (see LifecycleThroughputBenchmark). Uses HM_TEST_POSTGRES_URL
# (and _USER/_PASSWORD) when set, an embedded PostgreSQL otherwise. Extra arguments are JVM options, e.g.
#   command-service/benchmark.sh -Dsequences=500 -Dthreads=8
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl command-service -am install -DskipTests
./mvnw -q -B -pl command-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec "$JAVA_HOME/bin/java" "$@" -cp "command-service/target/test-classes:command-service/target/classes:$(cat command-service/target/benchmark.classpath)" \
    io.harbormaster.command.benchmark.LifecycleThroughputBenchmark
