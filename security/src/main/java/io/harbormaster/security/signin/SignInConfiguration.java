package io.harbormaster.security.signin;

import io.harbormaster.security.account.AccountStore;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** Password sign-in for every chain, the back-off after failures, and the sign-in audit. */
@Configuration(proxyBeanMethods = false)
@Import({SignInThrottle.class, SignInAudit.class})
public class SignInConfiguration {

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
}
