#!/usr/bin/env bash
# The REST API under load from the repository's load generator (ApiLoadGenerator): N clients, bounded in requests
# and in seconds, loopback only. Without url= it starts the platform in its own JVM on a fresh test database
# (HM_TEST_POSTGRES_* like the tests); with url= it drives a platform already running on this machine (for example
# replicas behind a load balancer). Arguments go to the generator, e.g.
#   infra/standalone/load-benchmark.sh scenario=create clients=8 requests=3000
#   infra/standalone/load-benchmark.sh scenario=lifecycle clients=8 requests=1500 seconds=60
#   infra/standalone/load-benchmark.sh scenario=list machines=10000 role=member requests=3000
#   infra/standalone/load-benchmark.sh url=http://127.0.0.1:8080 password=... scenario=create
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl infra/standalone -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/load-benchmark.classpath
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "infra/standalone/target/test-classes:infra/standalone/target/classes:$(cat infra/standalone/target/load-benchmark.classpath)" \
    io.harbormaster.standalone.ApiLoadGenerator "$@"
