package io.harbormaster.standalone.security;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The REST API's security: stateless HTTP Basic against the built-in accounts (API tokens replace it for scripts in
 * the multi-user milestone), no CSRF because no cookie authenticates an API call, platform-admin only for user and
 * projection administration. The portal has its own chain (web-ui module).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/users/*/password").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/admin/**").hasRole(Account.ADMIN_ROLE)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new ActingContextFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Delegating encoder: bcrypt today, upgradeable later without invalidating stored hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Accounts are written in the transaction of UserRegistered, and a failure there rolls the event back. */
    @Bean
    ConfigurerModule accountProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(AccountStore.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(AccountStore.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
