package io.harbormaster.web.account;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.team.Memberships;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The signed-in user's account: who they are, their teams and roles, where their API tokens and the CLI are, and
 * their latest sign-ins (refused ones too: someone guessing their password shows here). Public because Vaadin
 * instantiates routes reflectively.
 */
@Route(value = "account", layout = PortalLayout.class)
@PageTitle("Your account")
@PermitAll
public class AccountView extends VerticalLayout {

    static final int SIGN_INS = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Paragraph who = new Paragraph();
    final Grid<Memberships.Membership> teams = new Grid<>(Memberships.Membership.class, false);
    final Grid<AuditEntry> signIns = new Grid<>(AuditEntry.class, false);

    AccountView(AccountService accounts) {
        setWidthFull();
        var me = accounts.account();
        who.setId("account-who");
        who.setText(me.displayName() + " (" + me.username() + ")" + (me.platformAdmin() ? ", platform admin" : ""));

        teams.setId("account-teams");
        teams.setAllRowsVisible(true);
        teams.addColumn(Memberships.Membership::name).setHeader("Team").setAutoWidth(true);
        teams.addColumn(m -> m.role().name()).setHeader("Role").setAutoWidth(true);
        teams.setItems(accounts.memberships().teams());
        teams.setEmptyStateText("You are in no team yet: a team owner adds you, or start one on the Teams page.");

        signIns.setId("account-sign-ins");
        signIns.setAllRowsVisible(true);
        signIns.addColumn(e -> e.occurredAt() == null ? "" : WHEN.format(e.occurredAt())).setHeader("When")
                .setAutoWidth(true);
        signIns.addColumn(AuditEntry::summary).setHeader("What").setFlexGrow(1);
        signIns.addColumn(AuditEntry::clientAddress).setHeader("From").setAutoWidth(true);
        signIns.setItems(accounts.signIns(SIGN_INS));
        signIns.setEmptyStateText("No sign-in recorded yet.");

        var tokens = new Anchor("tokens", "your API tokens");
        tokens.getElement().setAttribute("router-link", true);
        var cli = new Anchor("/downloads", "the hm CLI");
        cli.setRouterIgnore(true);
        var links = new Paragraph("Manage ");
        links.add(tokens, new com.vaadin.flow.component.Text(", or get "), cli,
                new com.vaadin.flow.component.Text("."));
        add(new H2("Your account"), who, links, new H3("Teams"), teams,
                new H3("Latest sign-ins (newest first)"), signIns);
    }
}
