package io.harbormaster.web.token;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.harbormaster.api.user.ApiTokenList;
import io.harbormaster.api.user.IssuedOwnApiToken;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Personal API tokens for the signed-in user, whether they signed in with a password or through OIDC (an OIDC user
 * has no password for HTTP Basic, so this is how they get the CLI going): a token for a workstation, shown once as
 * the line to run, {@code hm login <this server> --token <token>}, and the list of their tokens with revoke. Public
 * because Vaadin instantiates routes reflectively.
 */
@Route(value = "tokens", layout = PortalLayout.class)
@PageTitle("API tokens")
@PermitAll
public class TokensView extends VerticalLayout {

    static final String DEFAULT_NAME = "workstation";
    static final int DEFAULT_DAYS = 30;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final TextField name = new TextField("Name");
    final IntegerField days = new IntegerField("Expires after (days)");
    final Button create = new Button("Create token");
    final TextField loginLine = new TextField("Run this on your workstation; the token is shown only now");
    final Button copy = new Button("Copy");
    final Div issued = new Div();
    final Grid<ApiTokenList.Token> grid = new Grid<>();

    private final ApiTokenService tokens;
    /** This server's address as the browser reaches it, for the login line. */
    private String serverUrl = "";

    TokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        setSizeFull();

        name.setId("token-name");
        name.setValue(DEFAULT_NAME);
        name.setMaxLength(64);
        name.setRequired(true);
        days.setId("token-days");
        days.setValue(DEFAULT_DAYS);
        days.setMin(1);
        days.setMax(365);
        days.setStepButtonsVisible(true);
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> issue());
        var form = new HorizontalLayout(name, days, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        loginLine.setId("login-line");
        loginLine.setReadOnly(true);
        loginLine.setWidthFull();
        copy.setId("copy-login-line");
        // the browser's clipboard: the line never travels back to the server
        copy.addClickListener(e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", loginLine.getValue());
            Notification.show("Copied");
        });
        var line = new HorizontalLayout(loginLine, copy);
        line.setWidthFull();
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.expand(loginLine);
        issued.setId("issued-token");
        issued.add(line);
        issued.setWidthFull();
        issued.setVisible(false);

        grid.setId("tokens-grid");
        grid.addColumn(ApiTokenList.Token::name).setHeader("Name").setKey("name");
        grid.addColumn(t -> when(t.createdAt())).setHeader("Created").setKey("created");
        grid.addColumn(t -> when(t.expiresAt())).setHeader("Expires").setKey("expires");
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : when(t.lastUsedAt())).setHeader("Last used")
                .setKey("lastUsed");
        grid.addColumn(TokensView::status).setHeader("Status").setKey("status");
        grid.addComponentColumn(this::revokeButton).setHeader("").setKey("revoke");
        grid.setEmptyStateText("No tokens yet");

        add(new H2("API tokens"),
                new Paragraph("A token signs the hm CLI and scripts in as you, with your roles. Create one per "
                        + "workstation; revoke it when the workstation is gone."),
                form, issued, new H3("Your tokens"), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        var contextPath = request == null ? "" : request.getContextPath();
        // the origin the browser used is the one the workstation can reach too (also behind a proxy)
        event.getUI().getPage().fetchCurrentURL(url -> serverUrl = serverUrl(url, contextPath));
    }

    /** The server's base URL: the browser's origin and the portal's context path, nothing of the view's path. */
    static String serverUrl(java.net.URL browserUrl, String contextPath) {
        var path = contextPath == null || contextPath.equals("/") ? "" : contextPath;
        return browserUrl.getProtocol() + "://" + browserUrl.getAuthority() + path;
    }

    /** The line to run on the workstation. */
    static String loginLine(String serverUrl, String token) {
        return "hm login " + serverUrl + " --token " + token;
    }

    void issue() {
        var wantedDays = days.getValue() == null ? DEFAULT_DAYS : days.getValue();
        try {
            IssuedOwnApiToken token = tokens.issue(name.getValue(), wantedDays);
            loginLine.setValue(loginLine(serverUrl, token.token()));
            issued.setVisible(true);
            refresh();
        } catch (RuntimeException e) {
            var refusal = Notification.show(e.getMessage() == null ? "The token could not be created." : e.getMessage(),
                    8000, Notification.Position.MIDDLE);
            refusal.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Button revokeButton(ApiTokenList.Token token) {
        var revoke = new Button("Revoke");
        revoke.setId("revoke-" + token.tokenId());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(!token.revoked());
        revoke.addClickListener(e -> {
            tokens.revoke(token.tokenId());
            refresh();
        });
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private static String status(ApiTokenList.Token token) {
        if (token.revoked()) {
            return "revoked";
        }
        return token.expiresAt() != null && token.expiresAt().isBefore(Instant.now()) ? "expired" : "active";
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
