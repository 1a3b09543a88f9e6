#!/usr/bin/env bash
# Request to Running of generic machines on test hosts with Docker Engine running, one creation after another, and
# the platform's per-step timers for each (see ProvisioningLatencyBenchmark). Needs root and the test host packages
# (infra/testhosts/README.md), and PostgreSQL like the tests (HM_TEST_POSTGRES_* or the embedded one). The hosts use
# 10.213.0.192 to 10.213.0.198. Arguments go to the benchmark, e.g.
#   infra/standalone/provisioning-benchmark.sh machines=7
# HM_MAVEN_REPO picks the local Maven repository; HM_MAVEN_OFFLINE=1 builds offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
maven=(-q -B ${HM_MAVEN_REPO:+-Dmaven.repo.local=$HM_MAVEN_REPO} ${HM_MAVEN_OFFLINE:+-o})
./mvnw "${maven[@]}" -pl infra/standalone -am install -DskipTests
./mvnw "${maven[@]}" -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/provisioning-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/provisioning-benchmark.classpath)" \
    io.harbormaster.standalone.ProvisioningLatencyBenchmark "$@"
