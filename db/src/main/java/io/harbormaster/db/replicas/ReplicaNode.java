package io.harbormaster.db.replicas;

import java.lang.management.ManagementFactory;

/**
 * The name this replica claims token segments and driver work under: {@code harbormaster.axon.node-id}, by default
 * {@code <pid>@<host>} like Axon's own default. Two replicas with the same name would take each other's claims for
 * their own.
 */
public record ReplicaNode(String id) {

    public static ReplicaNode of(String configured) {
        return new ReplicaNode(configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : configured);
    }
}
