package io.harbormaster.security;

import io.harbormaster.security.account.Account;
import io.harbormaster.security.context.ActingContextFilter;
import io.harbormaster.security.problem.DatabaseOutageFilter;
import io.harbormaster.security.problem.ProblemAuthenticationEntryPoint;
import io.harbormaster.security.signin.SignInAudit;
import io.harbormaster.security.signin.SignInThrottle;
import io.harbormaster.security.signin.SignInThrottleFilter;
import io.harbormaster.security.token.ApiTokenStore;
import io.harbormaster.security.token.BearerTokenFilter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The REST API's security: stateless, with personal API tokens ({@code Authorization: Bearer}) or HTTP Basic against
 * the built-in accounts; no CSRF because no cookie authenticates an API call; platform-admin only for user and
 * projection administration. The Actuator endpoints ride on this chain, so they never redirect to a login page:
 * health and its probes are open (load balancers; details only for platform admins, application.yml), every other
 * endpoint (Prometheus) is for platform admins. Failed sign-ins are throttled ({@link SignInThrottle}), here and in
 * the portal's chain (web-ui module), which shares the password {@link AuthenticationProvider} and the authentication events.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
            ApiTokenStore tokens, SignInThrottle throttle, SignInAudit audit) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        // The async dispatch that ends a live event stream (SSE) only finishes a response whose
                        // request was authorized on its first dispatch; the stateless chain keeps no context for it.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/users/*/password", "/api/users/*/platform-admin").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/users/*/tokens", "/api/users/*/tokens/*").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers("/api/admin/**").hasRole(Account.ADMIN_ROLE)
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Account.ADMIN_ROLE)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Throttle first (429 before any credential is checked), then tokens, then Basic.
                .addFilterBefore(new BearerTokenFilter(tokens, throttle, audit, Clock.systemUTC()), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), BearerTokenFilter.class)
                .addFilterAfter(new ActingContextFilter(), BasicAuthenticationFilter.class)
                // Outermost: a database outage anywhere behind it is a 503, never a redirect or a 403.
                .addFilterBefore(new DatabaseOutageFilter(), DisableEncodeUrlFilter.class);
        return http.build();
    }
}
