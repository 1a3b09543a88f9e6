package io.harbormaster.web.machine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.harbormaster.api.machine.Grantee;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.ShareRole;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Shares a machine outside its team: with another team the user is in, or with one of its members. A MEMBER share
 * lets them use and operate it, a VIEWER share only see it. Those offered are the ones the user can name: their
 * other teams and the people in them (the machine's own team sees it already).
 */
final class ShareDialog extends Dialog {

    /** Someone a machine can be shared with, as the dialog names them. */
    record Choice(String label, Grantee grantee) {
    }

    final ComboBox<Choice> with = new ComboBox<>("Share with");
    final RadioButtonGroup<ShareRole> role = new RadioButtonGroup<>("Role");
    final Button share = new Button("Share");

    ShareDialog(MachineDetail machine, MachineOperations operations, List<TeamDetail> teams) {
        setId("share-dialog");
        setHeaderTitle("Share " + machine.name());
        with.setId("share-with");
        with.setItems(choices(machine, teams));
        with.setItemLabelGenerator(Choice::label);
        with.setWidthFull();
        role.setId("share-role");
        role.setItems(ShareRole.values());
        role.setValue(ShareRole.VIEWER);
        role.setItemLabelGenerator(r -> r == ShareRole.MEMBER ? "Member: use and operate it" : "Viewer: see it");
        share.setId("share-confirm");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        share.setEnabled(false);
        with.addValueChangeListener(change -> share.setEnabled(change.getValue() != null));
        share.addClickListener(click -> {
            try {
                operations.share(machine.id(), with.getValue().grantee(), role.getValue());
                Notification.show("Shared " + machine.name() + " with " + with.getValue().label() + ".", 4000,
                        Notification.Position.BOTTOM_START);
                close();
            } catch (RuntimeException refused) {
                MachineActionBar.refused(refused);
            }
        });
        add(new VerticalLayout(with, role));
        getFooter().add(new Button("Cancel", click -> close()), share);
    }

    /** Every other team of the user's, then everyone in those teams who is not in the machine's team, by name. */
    static List<Choice> choices(MachineDetail machine, List<TeamDetail> teams) {
        var inMachineTeam = teams.stream().filter(team -> team.id().equals(machine.teamId()))
                .flatMap(team -> team.members().stream()).map(TeamMember::userId).collect(Collectors.toSet());
        var others = teams.stream().filter(team -> !team.id().equals(machine.teamId())).toList();
        var choices = new ArrayList<Choice>();
        others.stream().sorted(Comparator.comparing(TeamDetail::name))
                .forEach(team -> choices.add(new Choice("team " + team.name(), Grantee.team(team.id()))));
        var people = new TreeMap<String, Choice>();
        others.forEach(team -> team.members().stream().filter(member -> !inMachineTeam.contains(member.userId()))
                .forEach(member -> people.putIfAbsent(member.username(),
                        new Choice(member.username(), Grantee.user(member.userId())))));
        choices.addAll(people.values());
        return choices;
    }
}
