#!/usr/bin/env bash
# Figures with replicas (ReplicaBenchmark): one, two and three replica processes behind Debian's HAProxy on a private
# PostgreSQL of Debian's, the load generator's lifecycle scenario through the load balancer, each replica's CPU and
# memory, and the take-over time after a replica is killed. Needs haproxy and postgresql (apt-get install), as the
# tests do. Arguments go to the benchmark, e.g.
#   infra/standalone/replica-benchmark.sh replicas=1,2,3 clients=8 requests=1500 seconds=60
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl infra/standalone -am install -DskipTests
./mvnw -q -B -pl infra/standalone test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/replica-benchmark.classpath
cd infra/standalone
exec "$JAVA_HOME/bin/java" -Dvaadin.productionMode=true \
    -cp "target/test-classes:target/classes:$(cat target/replica-benchmark.classpath)" \
    io.harbormaster.standalone.ReplicaBenchmark "$@"
