/**
 * Real parts for tests: {@link io.harbormaster.testing.TestPostgres} gives a fresh PostgreSQL database, and
 * {@link io.harbormaster.testing.TestHosts} gives real remote hosts (sshd, Docker Engine, own address on
 * 10.213.0.0/24) made from Linux namespaces by {@code infra/testhosts/testhosts}.
 */
package io.harbormaster.testing;
