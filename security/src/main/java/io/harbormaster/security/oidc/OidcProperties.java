package io.harbormaster.security.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code harbormaster.oidc.*}: whether the portal offers OIDC sign-in (the client registrations themselves are Spring
 * Boot's {@code spring.security.oauth2.client.*}), and which ID token / userinfo claims name the user and their groups.
 *
 * @param enabled       off by default; registrations alone do not turn OIDC sign-in on
 * @param usernameClaim the claim that becomes the username of a new account (lower-cased)
 * @param teamsClaim    the claim listing group names; groups named like an existing team make the user a member
 * @param adminTeam     optional group whose members are registered as platform admins (on first sign-in only)
 */
@ConfigurationProperties("harbormaster.oidc")
public record OidcProperties(boolean enabled, String usernameClaim, String teamsClaim, String adminTeam) {

    public OidcProperties {
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
        teamsClaim = teamsClaim == null || teamsClaim.isBlank() ? "groups" : teamsClaim.strip();
        adminTeam = adminTeam == null || adminTeam.isBlank() ? null : adminTeam.strip();
    }
}
