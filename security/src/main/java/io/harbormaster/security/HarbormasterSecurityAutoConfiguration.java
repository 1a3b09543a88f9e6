package io.harbormaster.security;

import io.harbormaster.security.account.AccountConfiguration;
import io.harbormaster.security.http.ApiHttpConfiguration;
import io.harbormaster.security.oidc.OidcConfiguration;
import io.harbormaster.security.problem.ProblemAuthenticationEntryPoint;
import io.harbormaster.security.signin.SignInConfiguration;
import io.harbormaster.security.token.ApiTokenConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import io.harbormaster.security.me.MeController;

/**
 * Every process that serves the API and has this module gets the same security: the API chain, the accounts, API
 * tokens, the sign-in back-off and audit, and OIDC when enabled. An auto-configuration rather than component scanning,
 * so a command-side or query-side process started on its own is secured without knowing these packages. (The
 * all-in-one launcher also scans {@code io.harbormaster}; Spring keeps one definition of each class either way.)
 *
 * <p>Before Spring Boot's security defaults, which back off when they see this module's chain, password provider
 * and {@code UserDetailsService}; otherwise Boot would add its generated in-memory user and catch-all chain.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, OAuth2ClientWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({AccountConfiguration.class, SignInConfiguration.class, ApiTokenConfiguration.class, OidcConfiguration.class,
        ProblemAuthenticationEntryPoint.class, ApiSecurityConfiguration.class, ApiHttpConfiguration.class,
        MeController.class})
public class HarbormasterSecurityAutoConfiguration {
}
