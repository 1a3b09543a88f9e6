/**
 * Replicas sharing the event processors' segments: each replica's heartbeat ({@code processor_replica}), the fair
 * share of a processor's segments among the live replicas, the balancer that lets go of what a replica holds beyond
 * its share, and the number of segments each processor is meant to have.
 */
package io.harbormaster.db.replicas;
