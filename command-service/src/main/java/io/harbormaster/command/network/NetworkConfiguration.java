package io.harbormaster.command.network;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The address check over the networks in force, for machine creation, the drivers and the reconciler. */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    @Bean
    AddressCheck addressCheck(NetworkSettings settings) {
        return new AddressCheck(settings::policy);
    }
}
