package io.harbormaster.security.account;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The built-in accounts: their table, how passwords are hashed, and how the table follows the user events. */
@Configuration(proxyBeanMethods = false)
@Import({AccountStore.class, PasswordController.class, PortalPasswords.class})
public class AccountConfiguration {

    /** Delegating encoder: bcrypt today, upgradeable later without invalidating stored hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Accounts and token revocations are written in the transaction of their events; a failure rolls the event back. */
    @Bean
    ConfigurerModule accountProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(AccountStore.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(AccountStore.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
