/**
 * JMH benchmarks of the certificate authority: what a machine's full bundle (CA, server and client certificate) and a
 * single client certificate cost per key algorithm. Run by {@code command-service/cert-benchmark.sh}, never as tests.
 */
package io.harbormaster.command.cert.benchmark;
