#!/usr/bin/env bash
# Latency of the workstation endpoints (env, client-bundle) with the sealed store and with the Vault stand-in (see
# WorkstationEndpointBenchmark). Builds and installs the modules it needs, then runs the main on the test classpath.
# Needs PostgreSQL like the tests (HM_TEST_POSTGRES_* or the embedded one). Extra arguments go to the benchmark, e.g.
#   infra/standalone/endpoint-benchmark.sh calls=300 warmup=50 stores=vault
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl infra/standalone -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/endpoint-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/endpoint-benchmark.classpath)" \
    io.harbormaster.standalone.benchmark.WorkstationEndpointBenchmark "$@"
