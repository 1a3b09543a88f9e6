package io.harbormaster.command.ssh;

import io.harbormaster.command.secret.SecretStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SSH sessions with the settings from {@link SshProperties}, the machines' key pairs and SSH user CAs in the secret
 * store, and how users' SSH certificates are made.
 */
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

    @Bean
    MachineSshUserCas machineSshUserCas(SecretStore secrets) {
        return new MachineSshUserCas(secrets);
    }

    /** Checked at startup: a validity out of bounds stops the platform with the reason. */
    @Bean
    SshUserCertificatePolicy sshUserCertificatePolicy(SshProperties properties) {
        return properties.userCertificates();
    }
}
