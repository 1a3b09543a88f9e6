package io.harbormaster.web.team;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.api.team.TeamRole;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.api.user.UserSummary;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Teams: everyone sees the members of their teams; a team's owners (and platform admins) add members, change their
 * roles and remove them; anyone may start a team, which they then own; platform admins also say who else is one.
 * Controls are shown only to those the write side would let use them, and a refusal says why in its words. Public
 * because Vaadin instantiates routes reflectively.
 */
@Route(value = "teams", layout = PortalLayout.class)
@PageTitle("Teams")
@PermitAll
public class TeamsView extends VerticalLayout {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    final ComboBox<TeamSummary> team = new ComboBox<>("Team");
    final Grid<TeamMember> members = new Grid<>(TeamMember.class, false);
    final ComboBox<UserSummary> newMember = new ComboBox<>("Add a member");
    final Select<TeamRole> newRole = new Select<>();
    final Button add = new Button("Add");
    final HorizontalLayout adding;
    final com.vaadin.flow.component.html.Div settings = new com.vaadin.flow.component.html.Div();
    final TextField teamName = new TextField("New team");
    final Button createTeam = new Button("Create team");
    final Grid<UserSummary> users = new Grid<>(UserSummary.class, false);
    final TextField newUsername = new TextField("Username");
    final TextField newDisplayName = new TextField("Name");
    final com.vaadin.flow.component.textfield.PasswordField newPassword =
            new com.vaadin.flow.component.textfield.PasswordField("Password");
    final Checkbox newAdmin = new Checkbox("Platform admin");
    final Button register = new Button("Register user");

    private final TeamAdministration administration;
    private final TeamCloudCredentials credentials;
    final Div credentialsArea = new Div();
    private UserSummary me;
    private TeamDetail shown;

    TeamsView(TeamAdministration administration, TeamCloudCredentials credentials) {
        this.administration = administration;
        this.credentials = credentials;
        setWidthFull();
        me = administration.me();

        team.setId("teams-team");
        team.setItemLabelGenerator(TeamSummary::name);
        team.addValueChangeListener(change -> show(change.getValue()));

        members.setId("teams-members");
        members.setAllRowsVisible(true);
        members.addColumn(TeamMember::username).setHeader("User").setAutoWidth(true);
        members.addColumn(TeamMember::displayName).setHeader("Name").setAutoWidth(true);
        members.addColumn(new ComponentRenderer<>(this::roleCell)).setHeader("Role").setAutoWidth(true);
        members.addColumn(m -> m.since() == null ? "" : SINCE.format(m.since())).setHeader("Since").setAutoWidth(true);
        members.addColumn(new ComponentRenderer<>(this::removeCell)).setHeader("").setAutoWidth(true);

        newMember.setId("teams-new-member");
        newMember.setItemLabelGenerator(user -> user.username() + " (" + user.displayName() + ")");
        newRole.setId("teams-new-role");
        newRole.setLabel("Role");
        newRole.setItems(TeamRole.values());
        newRole.setValue(TeamRole.MEMBER);
        add.setId("teams-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> {
            if (shown != null && newMember.getValue() != null) {
                var user = newMember.getValue();
                var role = newRole.getValue();
                act(() -> administration.addMember(shown.id(), user.id(), role),
                        user.username() + " added to " + shown.name() + ".", members -> {
                            var changed = new java.util.ArrayList<>(members);
                            changed.add(new TeamMember(user.id(), user.username(), user.displayName(), role,
                                    java.time.Instant.now()));
                            return changed;
                        });
            }
        });
        adding = new HorizontalLayout(newMember, newRole, add);
        adding.setAlignItems(FlexComponent.Alignment.BASELINE);

        teamName.setId("teams-new-name");
        createTeam.setId("teams-create");
        createTeam.addClickListener(click -> {
            try {
                var id = administration.createTeam(teamName.getValue());
                teamName.clear();
                reloadTeams();
                team.getListDataView().getItems().filter(t -> t.id().equals(id)).findFirst().ifPresent(team::setValue);
                notice("Team created; you own it.");
            } catch (RuntimeException refused) {
                refused(refused);
            }
        });
        var creating = new HorizontalLayout(teamName, createTeam);
        creating.setAlignItems(FlexComponent.Alignment.BASELINE);

        settings.setId("teams-settings");
        credentialsArea.setWidthFull();
        add(new H2("Teams"), team, new H3("Settings"), settings, new H3("Members"), members, adding,
                new H3("Cloud credentials"), credentialsArea, new H3("Start a team"), creating);
        if (me.platformAdmin()) {
            users.setId("teams-users");
            users.setAllRowsVisible(true);
            users.addColumn(UserSummary::username).setHeader("User").setAutoWidth(true);
            users.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
            users.addColumn(new ComponentRenderer<>(this::adminCell)).setHeader("Platform admin").setAutoWidth(true);
            users.setItems(administration.users());
            newUsername.setId("teams-new-username");
            newDisplayName.setId("teams-new-display-name");
            newPassword.setId("teams-new-password");
            newPassword.setHelperText("12 to 128 characters; tell it to them, they sign in with it");
            newAdmin.setId("teams-new-admin");
            register.setId("teams-register");
            register.addClickListener(click -> {
                try {
                    administration.registerUser(newUsername.getValue().strip(), newDisplayName.getValue().strip(),
                            newPassword.getValue(), newAdmin.getValue());
                    notice(newUsername.getValue().strip() + " registered; they can sign in now.");
                    newUsername.clear();
                    newDisplayName.clear();
                    newPassword.clear();
                    newAdmin.clear();
                    users.setItems(administration.users());
                    refreshCandidates();
                } catch (RuntimeException refused) {
                    refused(refused);
                }
            });
            var registering = new HorizontalLayout(newUsername, newDisplayName, newPassword, newAdmin, register);
            registering.setAlignItems(FlexComponent.Alignment.BASELINE);
            registering.getStyle().set("flex-wrap", "wrap");
            add(new H3("Users (platform admins)"), users, registering);
        }
        reloadTeams();
    }

    private void reloadTeams() {
        var teams = administration.teams().stream().sorted(Comparator.comparing(TeamSummary::name)).toList();
        team.setItems(teams);
        if (team.getValue() == null && !teams.isEmpty()) {
            team.setValue(teams.getFirst());
        }
    }

    private void show(TeamSummary summary) {
        shown = summary == null ? null : administration.team(summary.id()).orElse(null);
        members.setItems(shown == null ? java.util.List.of() : shown.members());
        showSettings();
        credentialsArea.removeAll();
        if (shown != null) {
            credentialsArea.add(new CloudCredentialsSection(credentials, shown.id(), manages()));
        }
        adding.setVisible(manages());
        refreshCandidates();
    }

    /**
     * What the team is: its name and id (the API and {@code hm --team} take either), when it began, its owners, the
     * user's own role and how many machines it has.
     */
    private void showSettings() {
        settings.removeAll();
        if (shown == null) {
            return;
        }
        var facts = new java.util.LinkedHashMap<String, String>();
        facts.put("Name", shown.name());
        facts.put("Id", shown.id().value());
        facts.put("Created", shown.createdAt() == null ? "—" : SINCE.format(shown.createdAt()));
        facts.put("Owners", shown.members().stream().filter(m -> m.role() == TeamRole.OWNER)
                .map(TeamMember::username).sorted().collect(Collectors.joining(", ")));
        facts.put("Your role", shown.members().stream().filter(m -> m.userId().equals(me.id())).findFirst()
                .map(m -> m.role().name().toLowerCase(java.util.Locale.ROOT))
                .orElse(me.platformAdmin() ? "none (you see it as a platform admin)" : "none"));
        long machines;
        try {
            machines = administration.machineCount(shown.id());
        } catch (RuntimeException unavailable) {
            machines = -1;
        }
        facts.put("Machines", machines < 0 ? "unknown right now" : Long.toString(machines));
        var list = io.harbormaster.web.layout.FactList.of(facts);
        settings.add(list);
    }

    /** Whom the owner may add: everyone registered who is not in the team yet. */
    private void refreshCandidates() {
        if (manages()) {
            var inTeam = shown.members().stream().map(TeamMember::userId).collect(Collectors.toSet());
            newMember.setItems(administration.users().stream().filter(u -> !inTeam.contains(u.id()))
                    .sorted(Comparator.comparing(UserSummary::username)).toList());
        }
    }

    /** Whether the write side lets the signed-in user manage the shown team's members. */
    boolean manages() {
        return shown != null && (me.platformAdmin() || shown.members().stream()
                .anyMatch(m -> m.userId().equals(me.id()) && m.role() == TeamRole.OWNER));
    }

    private Component roleCell(TeamMember member) {
        if (!manages()) {
            return new Span(member.role().name());
        }
        var role = new Select<TeamRole>();
        role.setItems(TeamRole.values());
        role.setValue(member.role());
        role.setAriaLabel("Role of " + member.username());
        role.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null && change.getValue() != change.getOldValue()) {
                act(() -> administration.changeRole(shown.id(), member.userId(), change.getValue()),
                        member.username() + " is now " + change.getValue().name().toLowerCase() + ".",
                        members -> members.stream().map(m -> m.userId().equals(member.userId())
                                ? new TeamMember(m.userId(), m.username(), m.displayName(), change.getValue(),
                                        m.since()) : m).toList());
            }
        });
        return role;
    }

    private Component removeCell(TeamMember member) {
        if (!manages()) {
            return new Span();
        }
        var remove = new Button("Remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove " + member.username() + " from the team");
        remove.addClickListener(click -> {
            var confirm = new ConfirmDialog("Remove " + member.username() + "?", member.username() + " loses what "
                    + "the team gives: its machines they do not hold or have shared with them, and new client "
                    + "certificates for them. Certificates they have keep working until the machines' CAs rotate.",
                    "Remove", event -> act(() -> administration.removeMember(shown.id(), member.userId()),
                            member.username() + " removed.", members -> members.stream()
                                    .filter(m -> !m.userId().equals(member.userId())).toList()));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return remove;
    }

    private Component adminCell(UserSummary user) {
        var admin = new Checkbox(user.platformAdmin());
        admin.setAriaLabel(user.username() + " is a platform admin");
        admin.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                act(() -> administration.setPlatformAdmin(user.id(), change.getValue()), user.username()
                        + (change.getValue() ? " is now a platform admin." : " is no longer a platform admin."),
                        members -> members);
            }
        });
        return admin;
    }

    /**
     * Runs a command. Accepted, its change is shown at once ({@code accepted} applied to the members shown): the
     * write side has stored it, while the read model the page reads may lag a moment behind. Refused, the team is
     * read again and the refusal said.
     */
    private void act(Runnable command, String done,
                     java.util.function.UnaryOperator<java.util.List<TeamMember>> accepted) {
        try {
            command.run();
            notice(done);
            if (shown != null) {
                shown = new TeamDetail(shown.id(), shown.name(), accepted.apply(shown.members()), shown.createdAt());
                members.setItems(shown.members());
                refreshCandidates();
            }
        } catch (RuntimeException refused) {
            refused(refused);
            show(team.getValue());
            if (me.platformAdmin()) {
                users.setItems(administration.users());
            }
        }
    }

    private static void notice(String text) {
        io.harbormaster.web.layout.Notices.done(text);
    }

    private static void refused(RuntimeException refused) {
        io.harbormaster.web.layout.Notices.refused(refused);
    }
}
