package io.harbormaster.command.provision;

import io.harbormaster.command.cert.MachineTls;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The provisioner with the settings from {@link ProvisioningSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvisioningSettings.class)
class ProvisioningConfiguration {

    @Bean
    Provisioner provisioner(MachineTls tls, ProvisioningSettings settings) {
        return new Provisioner(tls, settings);
    }
}
