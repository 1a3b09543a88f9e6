package io.harbormaster.command.ssh;

import io.harbormaster.command.secret.SecretStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SSH sessions with the settings from {@link SshProperties}, and the machines' key pairs in the secret store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SshProperties.class)
class SshConfiguration {

    @Bean
    SshSessions sshSessions(SshProperties properties) {
        return new SshSessions(properties.settings());
    }

    @Bean
    MachineSshKeys machineSshKeys(SecretStore secrets) {
        return new MachineSshKeys(secrets);
    }
}
