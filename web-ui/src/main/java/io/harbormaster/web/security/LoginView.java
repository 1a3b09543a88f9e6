package io.harbormaster.web.security;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The portal's sign-in page. The form posts to {@code login}, where Spring Security's form login (set up by
 * {@link PortalSecurityConfiguration}) checks the password; a failure comes back as {@code login?error}.
 */
@Route("login")
@PageTitle("Sign in · Harbormaster")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();

    LoginView() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Harbormaster");
        form.setI18n(i18n);
        form.setId("login-form");
        form.setAction("login");
        // There is no self-service reset yet: a platform admin sets passwords.
        form.setForgotPasswordButtonVisible(false);

        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
