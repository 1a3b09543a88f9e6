#!/usr/bin/env bash
# Time from opening the portal's machine list to its first rows in Chromium, with a team of many machines: see
# PortalFirstRowsBenchmark.
# Needs PostgreSQL like the tests (HM_TEST_POSTGRES_* or the embedded one). Arguments go to the benchmark, e.g.
#   infra/standalone/portal-benchmark.sh machines=10000 runs=10
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl infra/standalone -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/portal-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/portal-benchmark.classpath)" \
    io.harbormaster.standalone.PortalFirstRowsBenchmark "$@"
