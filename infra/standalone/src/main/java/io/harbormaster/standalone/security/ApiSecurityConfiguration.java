package io.harbormaster.standalone.security;

import java.time.Clock;
import java.util.Map;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The REST API's security: stateless, with personal API tokens ({@code Authorization: Bearer}) or HTTP Basic against
 * the built-in accounts; no CSRF because no cookie authenticates an API call; platform-admin only for user and
 * projection administration. Failed sign-ins are throttled ({@link SignInThrottle}), here and in the portal's chain
 * (web-ui module), which shares the password {@link AuthenticationProvider} and the authentication events.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
            ApiTokenStore tokens, SignInThrottle throttle, SignInAudit audit) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/users/*/password", "/api/users/*/platform-admin").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/users/*/tokens", "/api/users/*/tokens/*").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/admin/**").hasRole(Account.ADMIN_ROLE)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Throttle first (429 before any credential is checked), then tokens, then Basic.
                .addFilterBefore(new BearerTokenFilter(tokens, throttle, audit, Clock.systemUTC()), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), BearerTokenFilter.class)
                .addFilterAfter(new ActingContextFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Delegating encoder: bcrypt today, upgradeable later without invalidating stored hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The one password provider of the global authentication manager, so API Basic and portal form login both go
     * through it and both are refused while throttled.
     */
    @Bean
    AuthenticationProvider passwordAuthentication(AccountStore accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        return new ThrottledPasswordAuthentication(accounts, encoder, throttle);
    }

    /**
     * Publishes sign-in successes and failures (Spring Boot's default, declared so the throttle and the sign-in audit
     * can rely on it). An OIDC provider's refused answer has no event of its own; it is published as bad credentials.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        var events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(OAuth2AuthenticationException.class,
                AuthenticationFailureBadCredentialsEvent.class));
        return events;
    }

    /** Accounts and token revocations are written in the transaction of their events; a failure rolls the event back. */
    @Bean
    ConfigurerModule accountProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(AccountStore.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(AccountStore.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
