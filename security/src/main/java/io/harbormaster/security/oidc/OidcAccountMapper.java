package io.harbormaster.security.oidc;

import io.harbormaster.api.common.ControlCharacters;
import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.team.AddMemberCommand;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.user.RegisterUserCommand;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.Username;
import io.harbormaster.security.account.Account;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a verified OIDC identity into a platform account. The account is found by the provider's (issuer, subject)
 * pair, or registered on the first sign-in with the username claim (lower-cased, {@link Username}'s rule). Groups of
 * the teams claim that name an existing team add a membership with role {@code MEMBER} when the user has none there;
 * existing roles are never changed and memberships are never removed. All commands of one sign-in share a correlation
 * id and carry channel {@code ui} and the client's address. The registration acts as the new user; the memberships act
 * as the platform ({@code system}), because they follow from the provider's groups as configured by an admin, and a
 * user may not add themselves to a team (only owners and platform admins manage members). Refusals are
 * {@link OAuth2AuthenticationException}s whose message the login page shows.
 */
class OidcAccountMapper {

    static final String REFUSED = "harbormaster_sign_in_refused";
    private static final Logger log = LoggerFactory.getLogger(OidcAccountMapper.class);

    private final OidcProperties properties;
    private final OidcIdentityStore store;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OidcAccountMapper(OidcProperties properties, OidcIdentityStore store, CommandGateway commands,
            TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    Account signIn(String issuer, String subject, Map<String, Object> claims, String clientAddress) {
        if (issuer == null || subject == null || subject.isBlank()) {
            throw refused("The identity provider did not identify the user (no issuer or subject).");
        }
        var groups = groups(claims.get(properties.teamsClaim()));
        var correlationId = UUID.randomUUID().toString();
        var account = store.userOf(issuer, subject)
                .map(userId -> existing(issuer, subject, userId))
                .orElseGet(() -> register(issuer, subject, claims, groups, clientAddress, correlationId));
        joinTeams(account, groups, clientAddress, correlationId);
        return account;
    }

    private Account existing(String issuer, String subject, UserId userId) {
        var account = store.account(userId)
                .orElseThrow(() -> refused("The account linked to this identity no longer exists."));
        if (!account.enabled()) {
            throw refused("The account '" + account.username() + "' is disabled.");
        }
        store.signedIn(issuer, subject, clock.instant());
        return account;
    }

    private Account register(String issuer, String subject, Map<String, Object> claims, Set<String> groups,
            String clientAddress, String correlationId) {
        var claimed = claims.get(properties.usernameClaim());
        if (!(claimed instanceof String text) || text.isBlank()) {
            throw refused("The identity provider sent no '" + properties.usernameClaim()
                    + "' claim, so no username can be chosen for a new account.");
        }
        var candidate = text.strip().toLowerCase(Locale.ROOT);
        Username username;
        try {
            username = Username.of(candidate);
        } catch (IllegalArgumentException e) {
            throw refused("The username '" + printable(candidate) + "' from the identity provider is not a valid "
                    + "Harbormaster username: it must match " + Username.RULE.pattern() + " and be at most "
                    + Username.MAX_LENGTH + " characters. Ask your identity provider's administrator to change '"
                    + properties.usernameClaim() + "'.");
        }
        if (store.usernameTaken(username.value())) {
            throw takenBy(username);
        }
        var admin = properties.adminTeam() != null
                && groups.stream().anyMatch(g -> g.equalsIgnoreCase(properties.adminTeam()));
        var userId = UserId.random();
        // the identity provider's text, like a host's: control characters are replaced, not recorded
        var displayName = claims.get("name") instanceof String name && !name.isBlank()
                ? ControlCharacters.readable(name.strip()) : username.value();
        var actor = new ActingContext(userId.value(), username.value(), Channel.UI, clientAddress, correlationId);
        try {
            transactions.executeWithoutResult(tx -> CurrentActingContext.runAs(actor, () -> {
                commands.sendAndWait(new RegisterUserCommand(userId, username, displayName, admin));
                store.link(issuer, subject, userId, clock.instant());
            }));
        } catch (RuntimeException e) {
            if (store.usernameTaken(username.value())) {
                throw takenBy(username); // registered concurrently by someone else
            }
            throw e;
        }
        log.info("Registered user '{}' on first OIDC sign-in{}", username.value(), admin ? " as platform admin" : "");
        return store.account(userId).orElseThrow();
    }

    private void joinTeams(Account account, Set<String> groups, String clientAddress, String correlationId) {
        var actor = new ActingContext(AuditMetadata.SYSTEM_ACTOR, AuditMetadata.SYSTEM_ACTOR, Channel.UI, clientAddress,
                correlationId);
        for (var group : groups) {
            store.teamNamed(group).filter(team -> !store.isMember(team, account.userId())).ifPresent(team -> {
                try {
                    CurrentActingContext.runAs(actor, () ->
                            commands.sendAndWait(new AddMemberCommand(team, account.userId(), TeamRole.MEMBER)));
                    log.info("Added '{}' to team '{}' from the OIDC teams claim", account.username(), group);
                } catch (RuntimeException e) {
                    // One team refusing must not lock the user out of the others (or of the portal).
                    log.warn("Could not add '{}' to team '{}' from the OIDC teams claim: {}", account.username(), group,
                            e.getMessage());
                }
            });
        }
    }

    /** The teams claim as group names: a JSON array of strings, or one string. */
    static Set<String> groups(Object claim) {
        var groups = new LinkedHashSet<String>();
        if (claim instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(v -> ((String) v).strip())
                    .filter(v -> !v.isEmpty()).forEach(groups::add);
        } else if (claim instanceof String value && !value.isBlank()) {
            groups.add(value.strip());
        }
        return groups;
    }

    private static OAuth2AuthenticationException takenBy(Username username) {
        return refused("The username '" + username.value() + "' already belongs to another Harbormaster account. "
                + "Ask a platform admin to resolve the clash.");
    }

    private static String printable(String value) {
        var cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, message, null), message);
    }
}
