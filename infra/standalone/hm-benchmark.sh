#!/usr/bin/env bash
# Wall time of hm as a user runs it against the whole platform (see HmCliBenchmark): hm env with a cached
# certificate, hm ls with a large team, and hm create of a generic machine on a test host (root and the test host
# packages; skipped otherwise). Builds hm and the test sources, then runs the main on the test classpath.
# Needs PostgreSQL like the tests (HM_TEST_POSTGRES_* or the embedded one). Arguments go to the benchmark, e.g.
#   infra/standalone/hm-benchmark.sh machines=10000 runs=20
# HM_LAUNCHER picks the hm to run: cli/target/hm (default: the launcher on this machine's Java, with its CDS
# archive) or cli/target/hm-bundle/hm-*/bin/hm (the self-contained bundle with its AOT cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl cli -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/hm-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true -Dsun.net.inetaddr.ttl=0 \
    ${HM_LAUNCHER:+"-Dhm.launcher=$(realpath "$HM_LAUNCHER")"} \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/hm-benchmark.classpath)" \
    io.harbormaster.standalone.HmCliBenchmark "$@"
