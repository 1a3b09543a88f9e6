package io.harbormaster.web.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import io.harbormaster.web.outage.DatabaseOutage;
import java.util.Optional;
import org.springframework.security.web.WebAttributes;

/**
 * The portal's sign-in page. The form posts to {@code login}, where Spring Security's form login (set up by
 * {@link PortalSecurityConfiguration}) checks the password; a failure comes back as {@code login?error}. When OIDC
 * sign-in is on, a "Sign in with ..." link per identity provider starts the provider's flow; a refused OIDC sign-in
 * also comes back as {@code login?error}, and its reason is shown instead of the password form's error. So is the
 * advice to try again when the password could not be checked because the database is out of reach. When the user's
 * session ended under them (timed out, or its replica died), the page says so and where signing in takes them back
 * to: Spring Security's request cache, which Vaadin's configurer sets up, returns them to that page.
 */
@Route("login")
@PageTitle("Sign in · Harbormaster")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();
    final Span oidcError = new Span();
    final Span databaseUnavailable = new Span(DatabaseOutage.MESSAGE);
    final Span sessionEnded = new Span();

    private final VaadinDefaultRequestCache requestCache;

    LoginView(PortalSecurityConfiguration.SignInProviders providers, VaadinDefaultRequestCache requestCache) {
        this.requestCache = requestCache;
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Harbormaster");
        form.setI18n(i18n);
        form.setId("login-form");
        form.setAction("login");
        // There is no self-service reset yet: a platform admin sets passwords.
        form.setForgotPasswordButtonVisible(false);

        oidcError.setId("oidc-error");
        oidcError.getStyle().set("color", "var(--lumo-error-text-color)").set("max-width", "30em");
        oidcError.setVisible(false);
        databaseUnavailable.setId("database-unavailable");
        databaseUnavailable.getStyle().set("color", "var(--lumo-error-text-color)").set("max-width", "30em");
        databaseUnavailable.setVisible(false);
        sessionEnded.setId("session-ended");
        sessionEnded.getStyle().set("max-width", "30em");
        sessionEnded.setVisible(false);

        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(sessionEnded, databaseUnavailable, oidcError, form);
        for (var provider : providers.all()) {
            var link = new Anchor(provider.href(), "Sign in with " + provider.label());
            // A full page load: the flow leaves the portal for the provider and comes back.
            link.setRouterIgnore(true);
            link.setId("sign-in-with-" + provider.href().substring(provider.href().lastIndexOf('/') + 1));
            link.addClassName("oidc-sign-in");
            add(link);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        var failure = failed ? signInFailure() : null;
        // The password could not even be checked: "wrong username or password" would send people hunting a typo.
        var outage = failure != null && DatabaseOutage.isCause(failure);
        var oidcFailure = outage ? null : oidcFailure(failure);
        databaseUnavailable.setVisible(outage);
        oidcError.setText(oidcFailure == null ? "" : "Sign-in with the identity provider was refused: " + oidcFailure);
        oidcError.setVisible(oidcFailure != null);
        form.setError(failed && !outage && oidcFailure == null);
        // after a failed attempt the form's own error matters more; the saved request (and so the way back) stays
        var ended = failed ? Optional.<EndedSession>empty() : endedSession();
        sessionEnded.setText(ended.map(EndedSession::message).orElse(""));
        sessionEnded.setVisible(ended.isPresent());
    }

    /**
     * The session that ended under the user, as {@link EndedSessionMarker} marked it, with the page Spring Security
     * saved for after the sign-in; said once.
     */
    private Optional<EndedSession> endedSession() {
        var session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        if (session == null || session.getAttribute(EndedSessionMarker.ATTRIBUTE) == null) {
            return Optional.empty();
        }
        session.removeAttribute(EndedSessionMarker.ATTRIBUTE);
        var request = VaadinServletRequest.getCurrent();
        var response = VaadinServletResponse.getCurrent();
        var saved = request == null ? null : requestCache.getRequest(request.getHttpServletRequest(),
                response == null ? null : response.getHttpServletResponse());
        return Optional.of(EndedSession.returningTo(saved));
    }

    /** Why the last sign-in failed, kept in the session by Spring's failure handler; read once. */
    private static Exception signInFailure() {
        var session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        if (session == null
                || !(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception failure)) {
            return null;
        }
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure;
    }

    /** The reason of a refused OIDC sign-in; null when {@code failure} is not one. */
    private static String oidcFailure(Exception failure) {
        if (failure == null || !failure.getClass().getName().startsWith("org.springframework.security.oauth2.")) {
            return null;
        }
        return failure.getMessage() == null || failure.getMessage().isBlank()
                ? "the provider did not say why" : failure.getMessage();
    }
}
