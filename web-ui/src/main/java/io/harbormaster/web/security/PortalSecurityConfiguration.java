package io.harbormaster.web.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The portal's filter chain: every request the API chain ({@code @Order(1)}, {@code /api/**}) does not take.
 * Vaadin's configurer sets up form login on {@link LoginView}, logout, the request cache, view access control from
 * the {@code @PermitAll}/{@code @AnonymousAllowed} annotations, and Spring's CSRF protection, which stays on: it
 * only exempts Vaadin's internal requests (they carry Vaadin's own token) and the login form's POST. Every other
 * request needs a signed-in user. The {@code UserDetailsService} and {@code PasswordEncoder} come from the hosting
 * application.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
