package io.harbormaster.security.signin;

import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.user.SignInFailed;
import io.harbormaster.api.user.SignInFailure;
import io.harbormaster.api.user.SignInMethod;
import io.harbormaster.api.user.UserSignedIn;
import io.harbormaster.api.user.Username;
import io.harbormaster.security.account.Account;
import io.harbormaster.security.account.AccountPrincipal;
import io.harbormaster.security.account.AccountStore;
import io.harbormaster.security.context.RequestChannel;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts access itself into the audit trail: interactive sign-ins ({@link UserSignedIn}: the portal's form and OIDC)
 * and every refused sign-in ({@link SignInFailed}: portal, HTTP Basic, bearer tokens, OIDC). A successful API request
 * is not a sign-in of its own; the commands it sends already carry their actor. Refusals are counted by
 * {@link SignInThrottle} first, so a guesser fills the trail no faster than the back-off lets them guess; attempts
 * refused while locked are not recorded for the same reason.
 *
 * <p>The events belong to no aggregate: a sign-in changes no state the write side decides on, and the user's own
 * event stream stays short. A name that matches no account is not recorded, since people type passwords into the
 * username field. If the event store is down the sign-in is not held up; the failure to record is logged.
 */
@Component
public class SignInAudit {

    static final String ANONYMOUS = "anonymous";
    private static final String RECORDED_ATTRIBUTE = SignInAudit.class.getName() + ".recorded";
    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final EventGateway events;
    private final AccountStore accounts;
    private final TransactionTemplate transactions;

    SignInAudit(EventGateway events, AccountStore accounts, PlatformTransactionManager transactionManager) {
        this.events = events;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        var account = switch (event.getAuthentication().getPrincipal()) {
            case Account signedIn -> signedIn;
            case AccountPrincipal mapped -> mapped.account();
            case null, default -> null;
        };
        if (account == null) {
            return;
        }
        var method = OAuth2LoginAuthenticationFilter.class.isAssignableFrom(event.getGeneratedBy())
                ? SignInMethod.OIDC : SignInMethod.PASSWORD;
        publish(new UserSignedIn(account.userId(), Username.of(account.username()), method),
                account.userId().value(), account.username(), addressOf(event.getAuthentication().getDetails()));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (alreadyRecordedForThisRequest()) {
            return;
        }
        var address = addressOf(event.getAuthentication().getDetails());
        if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken
                || event.getAuthentication() instanceof OAuth2AuthorizationCodeAuthenticationToken) {
            // the provider answered, but the answer was invalid or maps to no usable account
            publish(new SignInFailed(null, null, SignInMethod.OIDC, SignInFailure.PROVIDER_REFUSED),
                    ANONYMOUS, ANONYMOUS, address);
            return;
        }
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return;
        }
        var reason = switch (event) {
            case AuthenticationFailureBadCredentialsEvent bad -> SignInFailure.BAD_CREDENTIALS;
            case AuthenticationFailureDisabledEvent disabled -> SignInFailure.ACCOUNT_DISABLED;
            // locked: refused by the back-off, deliberately not recorded (see the class comment)
            default -> null;
        };
        if (reason == null) {
            return;
        }
        var account = accounts.findByUsername(attempt.getName());
        if (account.isEmpty()) {
            publish(new SignInFailed(null, null, SignInMethod.PASSWORD, SignInFailure.UNKNOWN_ACCOUNT),
                    ANONYMOUS, ANONYMOUS, address);
            return;
        }
        var known = account.get();
        if (reason == SignInFailure.BAD_CREDENTIALS && (known.passwordHash() == null || !known.enabled())) {
            reason = SignInFailure.ACCOUNT_DISABLED;
        }
        publish(new SignInFailed(known.userId(), Username.of(known.username()), SignInMethod.PASSWORD, reason),
                ANONYMOUS, ANONYMOUS, address);
    }

    /** Called by the bearer token filter for a token that is unknown, revoked, expired or of a disabled account. */
    public void tokenRefused(HttpServletRequest request) {
        publish(new SignInFailed(null, null, SignInMethod.API_TOKEN, SignInFailure.INVALID_TOKEN),
                ANONYMOUS, ANONYMOUS, request.getRemoteAddr());
    }

    private void publish(Object payload, String actorId, String actorName, String address) {
        var meta = new HashMap<String, Object>();
        meta.put(AuditMetadata.ACTOR_ID, actorId);
        meta.put(AuditMetadata.ACTOR_NAME, actorName);
        meta.put(AuditMetadata.CHANNEL, channel().wireName());
        meta.put(AuditMetadata.CLIENT_ADDRESS, address);
        meta.put(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        try {
            transactions.executeWithoutResult(status -> events.publish(
                    GenericEventMessage.asEventMessage(payload).andMetaData(MetaData.from(meta))));
        } catch (RuntimeException e) {
            // the message names the event type only: nothing presented by the client is in it
            log.warn("Could not record {} in the audit trail: {}", payload.getClass().getSimpleName(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * One refusal per request: a failed OIDC code exchange is reported by both the login's own authentication
     * manager and the one it falls back to.
     */
    private static boolean alreadyRecordedForThisRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        var request = attributes.getRequest();
        if (request.getAttribute(RECORDED_ATTRIBUTE) != null) {
            return true;
        }
        request.setAttribute(RECORDED_ATTRIBUTE, Boolean.TRUE);
        return false;
    }

    /** The portal (ui) or the API (api, or cli when the client says so), read from the request being served. */
    private static Channel channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            var path = request.getRequestURI();
            if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
                return RequestChannel.of(request);
            }
        }
        return Channel.UI;
    }

    private static String addressOf(Object details) {
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }
}
