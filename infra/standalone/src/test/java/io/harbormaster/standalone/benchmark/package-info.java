/**
 * Latency benchmarks of the running platform over real HTTP on loopback, run by hand through
 * {@code infra/standalone/endpoint-benchmark.sh}, never by the build: they start the whole platform on a fresh
 * PostgreSQL database and print percentiles instead of asserting anything.
 */
package io.harbormaster.standalone.benchmark;
