package io.harbormaster.db;

import io.harbormaster.db.replicas.ReplicaNode;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The tracking processors' tokens through plain JDBC on the {@code token_entry} table (schema V1), instead of Axon's
 * JPA token store: the profile of the lifecycle benchmark (docs/performance.md) showed Hibernate translating the
 * token store's JPQL anew on every batch of every processor, 8 % of the JVM's CPU. Same table, same columns, same
 * serialized tokens and claim rules, so either store reads what the other wrote; the connection is the one of the
 * surrounding Spring transaction, so a token is still stored in the transaction of the batch it follows.
 * {@code harbormaster.axon.token-store=jpa} switches back to Axon's JPA store (for comparing the two). A replica
 * claims segments as {@code harbormaster.axon.node-id}, by default {@code <pid>@<host>} like Axon's own default; two
 * replicas with the same id would take each other's claims for their own.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JpaAutoConfiguration")
@ConditionalOnClass({JdbcTokenStore.class, SpringDataSourceConnectionProvider.class})
@ConditionalOnProperty(name = "harbormaster.axon.token-store", havingValue = "jdbc", matchIfMissing = true)
public class JdbcTokenStoreConfiguration {

    /** Where the JPA mapping put each column; JdbcTokenStore's defaults are camel-case names. */
    static TokenSchema schema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public TokenStore tokenStore(DataSource dataSource, Serializer serializer,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                                 @Value("${harbormaster.axon.node-id:}") String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(schema())
                .claimTimeout(claimTimeout)
                .nodeId(ReplicaNode.of(nodeId).id())
                .contentType(byte[].class)
                .build();
    }
}
