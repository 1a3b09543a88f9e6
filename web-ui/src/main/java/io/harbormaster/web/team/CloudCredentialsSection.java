package io.harbormaster.web.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.harbormaster.api.credential.CloudCredentialView;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.web.layout.Notices;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A team's cloud credentials on its page: what each is (never its secret) and which machines use it; owners add one,
 * rotate its keys and remove it. The secret fields are password fields that are emptied once sent, so a secret never
 * stays in the page.
 */
final class CloudCredentialsSection extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Grid<CloudCredentialView> grid = new Grid<>(CloudCredentialView.class, false);
    final TextField name = new TextField("Name");
    final TextField accessKeyId = new TextField("Access key id");
    final PasswordField secret = new PasswordField("Secret access key");
    final PasswordField sessionToken = new PasswordField("Session token (optional)");
    final TextField roleArn = new TextField("Role to assume (optional)");
    final TextField region = new TextField("Default region (optional)");
    final Button add = new Button("Add credential");

    private final TeamCloudCredentials credentials;
    private final TeamId team;
    private java.util.List<CloudCredentialView> shown = java.util.List.of();

    CloudCredentialsSection(TeamCloudCredentials credentials, TeamId team, boolean owns) {
        this.credentials = credentials;
        this.team = team;
        setId("teams-credentials");
        setWidthFull();
        grid.setId("teams-credentials-grid");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No cloud credentials yet." + (owns ? " Add one below to create amazonec2 machines."
                : " An owner of the team can add one."));
        grid.addColumn(CloudCredentialView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(c -> c.type().wireName()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(c -> "…" + c.accessKeyIdLast4()).setHeader("Access key").setAutoWidth(true);
        grid.addColumn(c -> c.region() == null ? "" : c.region()).setHeader("Region").setAutoWidth(true);
        grid.addColumn(c -> c.roleArn() == null ? "" : c.roleArn()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(c -> c.createdAt() == null ? "" : WHEN.format(c.createdAt())).setHeader("Added")
                .setAutoWidth(true);
        grid.addColumn(c -> c.rotatedAt() == null ? "never" : WHEN.format(c.rotatedAt())).setHeader("Rotated")
                .setAutoWidth(true);
        grid.addColumn(c -> c.machines().isEmpty() ? "none" : String.join(", ", c.machines()))
                .setHeader("Used by").setFlexGrow(1);
        if (owns) {
            grid.addColumn(new ComponentRenderer<>(this::rowActions)).setHeader("").setAutoWidth(true);
        }
        add(grid);
        if (owns) {
            add(addForm());
        }
        reload();
    }

    private void reload() {
        try {
            shown = credentials.list(team);
        } catch (RuntimeException unavailable) {
            shown = java.util.List.of();
            Notices.refused(unavailable);
        }
        grid.setItems(shown);
    }

    /**
     * Shows a change the write side accepted at once: the list is a projection that catches up a moment later, and
     * the next visit reads it from there.
     */
    private void accepted(java.util.function.Consumer<java.util.List<CloudCredentialView>> change) {
        var list = new java.util.ArrayList<>(shown);
        change.accept(list);
        shown = java.util.List.copyOf(list);
        grid.setItems(shown);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Div addForm() {
        name.setId("credential-name");
        accessKeyId.setId("credential-access-key-id");
        secret.setId("credential-secret");
        sessionToken.setId("credential-session-token");
        roleArn.setId("credential-role-arn");
        region.setId("credential-region");
        region.setPlaceholder("us-east-1");
        add.setId("credential-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> {
            try {
                credentials.add(team, name.getValue().strip(), accessKeyId.getValue(), secret.getValue(),
                        sessionToken.getValue(), roleArn.getValue(), region.getValue());
                var id = accessKeyId.getValue().strip();
                accepted(list -> {
                    list.add(new CloudCredentialView(name.getValue().strip(),
                            io.harbormaster.api.credential.CloudCredentialType.AWS,
                            id.substring(Math.max(0, id.length() - 4)), blankToNull(roleArn.getValue()),
                            blankToNull(region.getValue()), java.time.Instant.now(), null, 1, java.util.List.of()));
                    list.sort(java.util.Comparator.comparing(CloudCredentialView::name));
                });
                Notices.done("Credential " + name.getValue().strip() + " added; machines name it with "
                        + "--amazonec2-credential " + name.getValue().strip() + ".");
                name.clear();
                accessKeyId.clear();
                roleArn.clear();
                region.clear();
            } catch (RuntimeException refused) {
                Notices.refused(refused);
            } finally {
                secret.clear();
                sessionToken.clear();
            }
        });
        var fields = new FlexLayout(name, accessKeyId, secret, sessionToken, roleArn, region, add);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("gap", "0 1em");
        return new Div(new Paragraph("Add an AWS access key for the team. It is kept in the secret store; "
                + "nobody sees the secret again, here or anywhere."), fields);
    }

    private HorizontalLayout rowActions(CloudCredentialView credential) {
        var rotate = new Button("Rotate…", click -> rotateDialog(credential).open());
        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        rotate.setAriaLabel("Rotate " + credential.name());
        var remove = new Button("Remove", click -> {
            var confirm = new ConfirmDialog("Remove " + credential.name() + "?", "Its keys are destroyed in the "
                    + "secret store. Machines cannot use it any more; it is refused while machines still do.",
                    "Remove", event -> {
                        try {
                            credentials.remove(team, credential.name());
                            Notices.done("Credential " + credential.name() + " removed.");
                            accepted(list -> list.removeIf(c -> c.name().equals(credential.name())));
                        } catch (RuntimeException refused) {
                            Notices.refused(refused);
                        }
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + credential.name());
        return new HorizontalLayout(rotate, remove);
    }

    private Dialog rotateDialog(CloudCredentialView credential) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New keys for " + credential.name());
        var newId = new TextField("Access key id");
        newId.setId("rotate-access-key-id");
        var newSecret = new PasswordField("Secret access key");
        newSecret.setId("rotate-secret");
        var newToken = new PasswordField("Session token (optional)");
        var save = new Button("Rotate", click -> {
            try {
                credentials.rotate(team, credential.name(), newId.getValue(), newSecret.getValue(),
                        newToken.getValue());
                Notices.done("Credential " + credential.name() + " rotated: the next operation of its machines uses "
                        + "the new keys.");
                dialog.close();
                var id = newId.getValue().strip();
                accepted(list -> list.replaceAll(c -> !c.name().equals(credential.name()) ? c
                        : new CloudCredentialView(c.name(), c.type(), id.substring(Math.max(0, id.length() - 4)),
                                c.roleArn(), c.region(), c.createdAt(), java.time.Instant.now(), c.version() + 1,
                                c.machines())));
            } catch (RuntimeException refused) {
                Notices.refused(refused);
            } finally {
                newSecret.clear();
                newToken.clear();
            }
        });
        save.setId("rotate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Make the new key in AWS first; the old one can be deleted there once this is done."),
                newId, newSecret, newToken);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        return dialog;
    }
}
