#!/usr/bin/env bash
# Time of the fleet-as-of view (GET /api/teams/{id}/fleet?at=) for a team of many machines: see FleetAsOfBenchmark.
# Needs PostgreSQL like the tests (HM_TEST_POSTGRES_* or the embedded one). Arguments go to the benchmark, e.g.
#   infra/standalone/fleet-benchmark.sh machines=10000 runs=10
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl infra/standalone -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fleet-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/fleet-benchmark.classpath)" \
    io.harbormaster.standalone.FleetAsOfBenchmark "$@"
