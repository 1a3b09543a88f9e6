package io.harbormaster.web.machine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.team.TeamMember;

/**
 * Hands a machine to another member of its team. Revoking the previous holder's access is on by default and says
 * what it costs: TLS to Docker has no revocation, so it takes a new CA, and every client certificate stops working.
 */
final class HandOffDialog extends Dialog {

    final ComboBox<TeamMember> to = new ComboBox<>("Hand off to");
    final Checkbox revoke = new Checkbox("Revoke the previous holder's access", true);
    final Button handOff = new Button("Hand off");

    HandOffDialog(MachineDetail machine, MachineOperations operations) {
        setId("hand-off-dialog");
        setHeaderTitle("Hand off " + machine.name());
        to.setId("hand-off-to");
        to.setItems(operations.members(machine.teamId()).stream()
                .filter(member -> !member.userId().equals(machine.holder()))
                .toList());
        to.setItemLabelGenerator(member -> member.username() + " (" + member.role().name().toLowerCase() + ")");
        to.setWidthFull();
        revoke.setId("hand-off-revoke");
        var explanation = new Paragraph("Revoking gives the machine a new certificate authority: every client "
                + "certificate issued so far stops working (Docker's TLS cannot revoke one), so "
                + (machine.holderName() == null ? "the previous holder" : machine.holderName())
                + " can no longer reach its Docker Engine, and everyone else runs hm env again. Their SSH "
                + "certificates end when they expire, within minutes.");
        explanation.getStyle().set("font-size", "0.875rem");
        handOff.setId("hand-off-confirm");
        handOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        handOff.setEnabled(false);
        to.addValueChangeListener(change -> handOff.setEnabled(change.getValue() != null));
        handOff.addClickListener(click -> {
            try {
                operations.handOff(machine.id(), to.getValue().userId(), revoke.getValue());
                Notification.show("Handing " + machine.name() + " off to " + to.getValue().username() + ".", 4000,
                        Notification.Position.BOTTOM_START);
                close();
            } catch (RuntimeException refused) {
                MachineActionBar.refused(refused);
            }
        });
        var cancel = new Button("Cancel", click -> close());
        add(new VerticalLayout(to, revoke, explanation));
        getFooter().add(cancel, handOff);
    }
}
