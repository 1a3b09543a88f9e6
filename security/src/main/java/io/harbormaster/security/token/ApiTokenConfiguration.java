package io.harbormaster.security.token;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Personal API tokens: their table and their endpoints (the filter is part of the API chain). */
@Configuration(proxyBeanMethods = false)
@Import({ApiTokenStore.class, ApiTokens.class, ApiTokenController.class, PortalApiTokens.class})
public class ApiTokenConfiguration {
}
