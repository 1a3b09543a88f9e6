package io.harbormaster.web.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.ClassUtils;

/**
 * The portal's filter chain: every request the API chain ({@code @Order(1)}, {@code /api/**}) does not take.
 * Vaadin's configurer sets up form login on {@link LoginView}, logout, the request cache, view access control from
 * the {@code @PermitAll}/{@code @AnonymousAllowed} annotations, and Spring's CSRF protection, which stays on: it
 * only exempts Vaadin's internal requests (they carry Vaadin's own token) and the login form's POST. Every other
 * request needs a signed-in user, and reaches the router even when it names no route (see {@code PageNotFound}). The {@code UserDetailsService} and {@code PasswordEncoder} come from the hosting
 * application.
 *
 * <p>OIDC sign-in is added only when {@code harbormaster.oidc.enabled=true}, Spring Security's OAuth2 client is on the
 * class path (an optional dependency of this module) and the hosting application has client registrations. The
 * hosting application maps the OIDC user (its {@code OAuth2UserService}) and hands back, as a
 * {@code Function<OAuth2AuthenticationToken, Authentication>} bean, the authentication the portal keeps instead of
 * the OIDC one, so the rest of the portal sees the same principal as after a password sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String OIDC_ENABLED = "harbormaster.oidc.enabled";
    /** The servlet container's session cookie; the platform does not rename it. */
    static final String SESSION_COOKIE = "JSESSIONID";
    private static final String OAUTH2_CLIENT =
            "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository";

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, Environment environment,
            ApplicationContext context) throws Exception {
        // Vaadin denies every path that is no route; a signed-in user would get a bare 403 (the browser's own error
        // page) for a mistyped or bookmarked path. Letting signed-in users through gives Vaadin's router the path,
        // which shows PageNotFound in the portal's layout instead. Views still check their own annotations.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        // A browser whose session ended under it (timed out, or its replica died) is told so on the login page; the
        // marker runs first, before anything gives the browser a new session. Signing out deletes the session
        // cookie, so that the next page is not taken for an ended session.
        http.addFilterBefore(new EndedSessionMarker(), SecurityContextHolderFilter.class);
        http.logout(logout -> logout.deleteCookies(SESSION_COOKIE));
        if (oidcOffered(environment)) {
            OidcLogin.configure(http, context);
        }
        return http.build();
    }

    /** The "Sign in with ..." choices of {@link LoginView}; none unless OIDC sign-in is on. */
    @Bean
    SignInProviders signInProviders(Environment environment, ApplicationContext context) {
        return oidcOffered(environment) ? OidcLogin.providers(context) : new SignInProviders(List.of());
    }

    private static boolean oidcOffered(Environment environment) {
        return environment.getProperty(OIDC_ENABLED, Boolean.class, false)
                && ClassUtils.isPresent(OAUTH2_CLIENT, PortalSecurityConfiguration.class.getClassLoader());
    }

    /** An identity provider to offer on the login page: its label and where the sign-in starts. */
    record SignInProvider(String label, String href) {
    }

    record SignInProviders(List<SignInProvider> all) {
    }

    /** Everything that needs the OAuth2 client classes; loaded only when they are present. */
    private static final class OidcLogin {

        static SignInProviders providers(ApplicationContext context) {
            var providers = new ArrayList<SignInProvider>();
            if (context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable()
                    instanceof Iterable<?> registrations) {
                for (var registration : registrations) {
                    if (registration instanceof ClientRegistration client) {
                        var name = client.getClientName() == null || client.getClientName().isBlank()
                                ? client.getRegistrationId() : client.getClientName();
                        providers.add(new SignInProvider(name, "oauth2/authorization/" + client.getRegistrationId()));
                    }
                }
            }
            return new SignInProviders(List.copyOf(providers));
        }

        static void configure(HttpSecurity http, ApplicationContext context) throws Exception {
            if (context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable() == null) {
                return;
            }
            ObjectProvider<Function<OAuth2AuthenticationToken, Authentication>> mapping = context.getBeanProvider(
                    ResolvableType.forClassWithGenerics(Function.class, OAuth2AuthenticationToken.class, Authentication.class));
            var signIn = mapping.getIfAvailable();
            if (signIn == null) {
                throw new IllegalStateException(OIDC_ENABLED + "=true, but the application maps no OIDC user to an account");
            }
            SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
            var afterwards = new SavedRequestAwareAuthenticationSuccessHandler();
            // The failure (with its message) is kept in the session for LoginView, as for a wrong password.
            var failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
            http.oauth2Login(oauth2 -> oauth2
                    .loginPage("/login")
                    .authorizedClientRepository(new NoAuthorizedClients())
                    .failureHandler(failure)
                    .successHandler((request, response, authentication) -> {
                        // Replace the OIDC authentication (and its ID token) by the platform's own principal; the
                        // session id has already been changed by the login filter (session fixation protection).
                        var replaced = signIn.apply((OAuth2AuthenticationToken) authentication);
                        var securityContext = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                        securityContext.setAuthentication(replaced);
                        SecurityContextHolder.getContextHolderStrategy().setContext(securityContext);
                        contexts.saveContext(securityContext, request, response);
                        afterwards.onAuthenticationSuccess(request, response, replaced);
                    }));
        }
    }

    /** The portal needs no token of the provider after sign-in, so none is kept (not even in the session). */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
