package io.harbormaster.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.login.LoginForm;
import io.harbormaster.web.PortalTestApplication;
import io.harbormaster.web.machine.MachinesView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import io.harbormaster.web.outage.DatabaseOutage;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void givenNotSignedIn_whenOpeningTheMachines_thenTheLoginViewShows() {
        // Asked for the machines (the root), shown the login instead.
        navigate("", LoginView.class);

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithAnonymousUser
    void theLoginFormIsTitledHarbormasterAndPostsToSpringSecurity() {
        var view = navigate(LoginView.class);

        assertThat(view.form.getAction()).isEqualTo("login");
        assertThat(find(LoginForm.class).single()).isSameAs(view.form);
        assertThat(view.form.isError()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void givenAFailedSignIn_thenTheFormShowsTheError() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(getCurrentView()).isInstanceOfSatisfying(LoginView.class,
                view -> assertThat(view.form.isError()).isTrue());
    }

    @Test
    @WithAnonymousUser
    void givenASignInThatFailedBecauseTheDatabaseIsOutOfReach_thenTheViewSaysSoInsteadOfWrongPassword() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new InternalAuthenticationServiceException("Could not open JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(getCurrentView()).isInstanceOfSatisfying(LoginView.class, view -> {
            assertThat(view.form.isError()).isFalse();
            assertThat(view.databaseUnavailable.isVisible()).isTrue();
            assertThat(view.databaseUnavailable.getText()).isEqualTo(DatabaseOutage.MESSAGE);
        });
    }

    @Test
    @WithAnonymousUser
    void givenAWrongPassword_thenNoDatabaseMessage() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new BadCredentialsException("Bad credentials"));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(getCurrentView()).isInstanceOfSatisfying(LoginView.class, view -> {
            assertThat(view.form.isError()).isTrue();
            assertThat(view.databaseUnavailable.isVisible()).isFalse();
        });
    }

    @Test
    @WithAnonymousUser
    void givenASessionThatEndedUnderTheUser_thenTheViewSaysSoOnce() {
        VaadinSession.getCurrent().getSession().setAttribute(EndedSessionMarker.ATTRIBUTE, Boolean.TRUE);

        var view = navigate(LoginView.class);

        assertThat(view.sessionEnded.isVisible()).isTrue();
        assertThat(view.sessionEnded.getText()).startsWith("Your session ended")
                .contains("Everything you saved is kept");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(EndedSessionMarker.ATTRIBUTE)).isNull();
    }

    @Test
    @WithAnonymousUser
    void givenNoEndedSession_thenTheViewSaysNothingAboutOne() {
        var view = navigate(LoginView.class);

        assertThat(view.sessionEnded.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(PortalTestApplication.USER)
    void givenSignedIn_whenOpeningTheMachines_thenTheyShow() {
        navigate(MachinesView.class);

        assertThat(getCurrentView()).isInstanceOf(MachinesView.class);
    }
}
