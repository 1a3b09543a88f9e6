package io.harbormaster.db.replicas;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * This replica's name, its heartbeat and the segment balancer. {@code harbormaster.processors.balancing=false} turns
 * the balancing off (the replicas then keep whatever they claimed, Axon's own behaviour); the heartbeat goes on, as
 * the claims on driver work rely on it.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass({EventProcessingConfiguration.class, DataSource.class})
public class ReplicasConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ReplicaNode replicaNode(@Value("${harbormaster.axon.node-id:}") String nodeId) {
        return ReplicaNode.of(nodeId);
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    public SegmentBalancer segmentBalancer(ReplicaNode node, ObjectProvider<DataSource> dataSource,
                                           ObjectProvider<EventProcessingConfiguration> processing,
                                           ObjectProvider<TokenStore> tokenStore,
                                           ObjectProvider<ProcessorSegments> wanted,
                                           @Value("${harbormaster.processors.balance-interval:2s}") Duration interval,
                                           @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}")
                                           Duration claimTimeout,
                                           @Value("${harbormaster.processors.release-for:15s}") Duration releaseFor,
                                           @Value("${harbormaster.processors.balancing:true}") boolean balancing) {
        return new SegmentBalancer(node, new ReplicaHeartbeats(dataSource.getObject()),
                () -> {
                    var configuration = processing.getIfAvailable();
                    return configuration == null ? Map.of() : configuration.eventProcessors();
                },
                tokenStore::getObject, wanted.orderedStream().toList(), interval, claimTimeout, releaseFor, balancing);
    }
}
