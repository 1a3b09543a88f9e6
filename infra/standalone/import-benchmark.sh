#!/usr/bin/env bash
# Wall time of hm import per machine against the whole platform (see HmImportBenchmark): a docker-machine store of
# generic machines written as docker-machine writes them, imported one hm process per machine, then the rest in one
# run. Builds hm and the test sources, then runs the main on the test classpath. Needs PostgreSQL like the tests
# (HM_TEST_POSTGRES_* or the embedded one); no test host (an import contacts none). Arguments go to the benchmark:
#   infra/standalone/import-benchmark.sh machines=40 single=20
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN_REPO=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}
./mvnw -q -B $MVN_REPO -pl cli -am install -DskipTests
./mvnw -q -B $MVN_REPO -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/import-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    ${HM_LAUNCHER:+"-Dhm.launcher=$(realpath "$HM_LAUNCHER")"} \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/import-benchmark.classpath)" \
    io.harbormaster.standalone.HmImportBenchmark "$@"
