package io.harbormaster.security.oidc;

import java.time.Clock;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * OIDC sign-in for the portal, on only with {@code harbormaster.oidc.enabled=true}. The portal's chain (web-ui) adds
 * {@code oauth2Login} when it finds the client registrations; Spring Security picks up the {@link OidcUserService}
 * below, which maps each verified identity to an account, and the portal keeps the {@link OidcSignIn} result.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "harbormaster.oidc.enabled", havingValue = "true")
@EnableConfigurationProperties(OidcProperties.class)
public class OidcConfiguration {

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> harbormasterOidcUserService(OidcProperties properties,
            JdbcClient jdbc, CommandGateway commands, PlatformTransactionManager transactionManager,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        if (registrations.getIfAvailable() == null) {
            throw new IllegalStateException("harbormaster.oidc.enabled=true needs a client registration: set "
                    + "spring.security.oauth2.client.registration.<id>.client-id, client-secret, scope=openid,... and "
                    + "spring.security.oauth2.client.provider.<id>.issuer-uri (see docs/security.md)");
        }
        var mapper = new OidcAccountMapper(properties, new OidcIdentityStore(jdbc), commands,
                new TransactionTemplate(transactionManager), Clock.systemUTC());
        var standard = new OidcUserService();
        return request -> {
            var user = standard.loadUser(request); // ID token verified; userinfo claims merged in
            var issuer = user.getIssuer() == null ? null : user.getIssuer().toString();
            var account = mapper.signIn(issuer, user.getSubject(), user.getClaims(), clientAddress());
            return new AccountOidcUser(user, account);
        };
    }

    @Bean
    Function<OAuth2AuthenticationToken, Authentication> harbormasterOidcSignIn() {
        return new OidcSignIn();
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                ? web.getRequest().getRemoteAddr() : "";
    }
}
