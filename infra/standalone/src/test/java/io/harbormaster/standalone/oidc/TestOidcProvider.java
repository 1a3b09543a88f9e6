package io.harbormaster.standalone.oidc;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in its own small servlet context on a
 * random port of {@code localhost} (the platform runs on {@code 127.0.0.1}, so the browser keeps their cookies
 * apart). One confidential client with the authorization-code flow, a form login for in-memory users, and ID tokens
 * carrying each user's {@code preferred_username} and {@code groups}. It remembers every token it issued, so tests
 * can look for them where they must not be.
 */
final class TestOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "harbormaster";
    static final String CLIENT_SECRET = "client-secret-for-tests-0123456789";
    static final String PASSWORD = "idp-password-for-tests";

    /** Users of the provider: login name → extra ID token claims. */
    private final Map<String, Map<String, Object>> users;
    private final String redirectUri;
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private AnnotationConfigServletWebServerApplicationContext context;

    private TestOidcProvider(Map<String, Map<String, Object>> users, String redirectUri) {
        this.users = users;
        this.redirectUri = redirectUri;
    }

    /** Starts the provider; {@code redirectUri} may use {@code {baseUrl}} as Spring's client registrations do. */
    static TestOidcProvider start(Map<String, Map<String, Object>> users, String redirectUri) {
        var provider = new TestOidcProvider(users, redirectUri);
        var context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(TestOidcProvider.class, () -> provider);
        context.register(Beans.class);
        context.refresh();
        provider.context = context;
        return provider;
    }

    String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    /** Every access, refresh and ID token issued so far. */
    List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    /** The provider's beans; a plain class (no {@code @Configuration}), so the platform's scan never picks it up. */
    @EnableWebSecurity
    static class Beans {

        @Bean
        TomcatServletWebServerFactory webServer() {
            var factory = new TomcatServletWebServerFactory(0);
            factory.getSettings().getSession().getCookie().setName("IDPSESSION");
            // Tomcat runs filters only for requests mapped to a servlet; the provider's endpoints are all filters.
            factory.getSettings().setRegisterDefaultServlet(true);
            return factory;
        }

        /**
         * Always the JVM's current strategy: the platform under test (Vaadin) replaces the global one after the
         * provider has started, and parts of the provider read the global one directly.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public Supplier<org.springframework.security.core.context.SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(Supplier<org.springframework.security.core.context.SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            var server = new OAuth2AuthorizationServerConfigurer();
            http.with(server, as -> as.oidc(withDefaults()))
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(withDefaults())
                    // The userinfo endpoint authenticates the access token.
                    .oauth2ResourceServer(rs -> rs.jwt(withDefaults()));
            return http.build();
        }

        @Bean
        UserDetailsService users(TestOidcProvider provider) {
            return new InMemoryUserDetailsManager(provider.users.keySet().stream()
                    .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(TestOidcProvider provider) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(provider.redirectUri)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(TestOidcProvider provider) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    provider.users.getOrDefault(context.getPrincipal().getName(), Map.of())
                            .forEach((claim, value) -> context.getClaims().claim(claim, value));
                }
            };
        }

        @Bean
        OAuth2AuthorizationService authorizations(TestOidcProvider provider) {
            var store = new InMemoryOAuth2AuthorizationService();
            return new OAuth2AuthorizationService() {
                @Override
                public void save(OAuth2Authorization authorization) {
                    store.save(authorization);
                    for (var type : List.of(org.springframework.security.oauth2.core.OAuth2AccessToken.class,
                            org.springframework.security.oauth2.core.OAuth2RefreshToken.class,
                            org.springframework.security.oauth2.core.oidc.OidcIdToken.class)) {
                        var token = authorization.getToken(type);
                        if (token != null && !provider.issuedTokens.contains(token.getToken().getTokenValue())) {
                            provider.issuedTokens.add(token.getToken().getTokenValue());
                        }
                    }
                }

                @Override
                public void remove(OAuth2Authorization authorization) {
                    store.remove(authorization);
                }

                @Override
                public OAuth2Authorization findById(String id) {
                    return store.findById(id);
                }

                @Override
                public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                    return store.findByToken(token, tokenType);
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSource(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }

    private static final class ImmutableJWKSource extends ImmutableJWKSet<SecurityContext> {
        ImmutableJWKSource(JWKSet set) {
            super(set);
        }
    }
}
