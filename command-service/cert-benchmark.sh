#!/usr/bin/env bash
# JMH benchmark of the certificate authority (see CertificateBundleBenchmark): a machine bundle and one client
# certificate per key algorithm. Compiles the test sources (no install), then runs JMH in a forked JVM. Extra
# arguments go to JMH, e.g. a quicker run of ECDSA only:
#   command-service/cert-benchmark.sh -p algorithm=ECDSA_P256 -wi 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -pl command-service -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/cert-benchmark.classpath
exec "$JAVA_HOME/bin/java" -cp "command-service/target/test-classes:command-service/target/classes:$(cat command-service/target/cert-benchmark.classpath)" \
    org.openjdk.jmh.Main 'io\.harbormaster\.command\.cert\.benchmark\..*' "$@"
