package io.harbormaster.web.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * A small header above the current view, which Vaadin appends below it. Access is checked on layouts as well as on
 * views, hence {@code @PermitAll} here too. Public because Vaadin instantiates layouts reflectively.
 */
@PermitAll
public class PortalLayout extends VerticalLayout implements RouterLayout {

    final Button logout = new Button("Log out");

    PortalLayout(AuthenticationContext authentication) {
        setSizeFull();
        setPadding(false);
        setSpacing(false);

        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // Invalidates the session and runs Spring Security's logout handlers, then sends the browser to the login.
        logout.addClickListener(e -> authentication.logout());

        var product = new Span("Harbormaster");
        product.getStyle().set("font-weight", "bold");
        var user = menuLink(authentication.getPrincipalName().orElse(""), "account", "signed-in-user");
        user.getElement().setAttribute("title", "Your account");
        // Served by the platform outside the portal (no Vaadin route): the hm CLI and its installer.
        var cli = new Anchor("/downloads", "Get the hm CLI");
        cli.setId("get-hm");
        cli.setRouterIgnore(true);
        var machines = menuLink("Machines", "", "menu-machines");
        var fleet = menuLink("Fleet history", "fleet", "menu-fleet");
        var audit = menuLink("Audit log", "audit", "menu-audit");
        var teams = menuLink("Teams", "teams", "menu-teams");
        var tokens = menuLink("API tokens", "tokens", "menu-tokens");
        var bar = new HorizontalLayout(product, machines, fleet, audit, teams, tokens, cli, user, logout);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.expand(product);
        add(new Header(bar));
    }

    /**
     * A link the router follows without reloading the page. By route path rather than view class: the views name
     * this layout, so naming them here would make a package cycle.
     */
    private static Anchor menuLink(String text, String route, String id) {
        var link = new Anchor(route, text);
        link.setId(id);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
