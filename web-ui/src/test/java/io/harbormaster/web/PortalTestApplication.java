package io.harbormaster.web;

import static org.mockito.Mockito.mock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Stands in for the application that hosts the portal: it brings the accounts and the password encoder (the real
 * ones live in the standalone app) and a query gateway nobody answers unless a test says so.
 */
@SpringBootApplication
public class PortalTestApplication {

    public static final String USER = "alice";
    public static final String PASSWORD = "correct horse battery staple";

    @Bean
    QueryGateway queryGateway() {
        return mock(QueryGateway.class);
    }

    /** Nobody answers commands either: views that send them are tested with fakes of their services. */
    @Bean
    CommandGateway commandGateway() {
        return mock(CommandGateway.class);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(
                User.withUsername(USER).password(encoder.encode(PASSWORD)).roles("USER").build());
    }
}
