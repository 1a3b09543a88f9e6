package io.harbormaster.web.machine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineActions.Action;
import io.harbormaster.api.machine.MachineDetail;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The buttons of a machine's page: only the actions the machine says the user may take now, each running the same
 * command as the API. Those that cannot be undone or interrupt the machine's users ask first and say what follows.
 * The page shows the progress live; a refusal is said in the write side's own words.
 */
final class MachineActionBar extends FlexLayout {

    /** Each action's button label, in the order shown. */
    private static final Map<Action, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(Action.START, "Start");
        LABELS.put(Action.STOP, "Stop");
        LABELS.put(Action.RESTART, "Restart");
        LABELS.put(Action.KILL, "Kill");
        LABELS.put(Action.PROVISION, "Provision");
        LABELS.put(Action.UPGRADE, "Upgrade Docker");
        LABELS.put(Action.REGENERATE_CERTS, "Regenerate certificates");
        LABELS.put(Action.ROTATE_CA, "Rotate CA");
        LABELS.put(Action.HAND_OFF, "Hand off…");
        LABELS.put(Action.SHARE, "Share…");
        LABELS.put(Action.REMOVE, "Remove");
    }

    MachineActionBar(MachineDetail machine, MachineActions allowed, MachineOperations operations,
                     java.util.function.Supplier<java.util.List<io.harbormaster.api.team.TeamDetail>> teams) {
        setId("machine-actions");
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "0.5em");
        LABELS.forEach((action, label) -> {
            if (!allowed.allows(action)) {
                return;
            }
            var button = new Button(label);
            button.setId("action-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (action == Action.REMOVE || action == Action.KILL) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            button.addClickListener(click -> {
                switch (action) {
                    case HAND_OFF -> new HandOffDialog(machine, operations).open();
                    case SHARE -> new ShareDialog(machine, operations, teams.get()).open();
                    default -> confirmThenRun(machine, action, operations);
                }
            });
            add(button);
        });
    }

    private static void confirmThenRun(MachineDetail machine, Action action, MachineOperations operations) {
        var warning = warning(machine.name(), action);
        if (warning == null) {
            run(machine, action, operations);
            return;
        }
        var confirm = new ConfirmDialog(LABELS.get(action) + " " + machine.name() + "?", warning,
                LABELS.get(action), event -> run(machine, action, operations));
        confirm.setId("confirm-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** What a destructive action does that its label does not say; null for the harmless ones. */
    static String warning(String name, Action action) {
        return switch (action) {
            case KILL -> "Kill stops " + name + " at once, without letting its containers shut down.";
            case REMOVE -> "Remove deletes " + name + " for good: its host is removed by its driver and its "
                    + "certificates and keys are destroyed. Its history stays.";
            case ROTATE_CA -> "A new CA makes every client certificate issued for " + name + " stop working, "
                    + "everyone's included; each user gets a new one with hm env.";
            case UPGRADE -> "Upgrading restarts Docker Engine on " + name + "; running containers keep running.";
            default -> null;
        };
    }

    static void run(MachineDetail machine, Action action, MachineOperations operations) {
        try {
            operations.run(machine.id(), action);
            Notification.show(LABELS.get(action) + ": " + machine.name() + " — the page follows its progress.", 4000,
                    Notification.Position.BOTTOM_START);
        } catch (RuntimeException refused) {
            refused(refused);
        }
    }

    /** The write side's refusal, in its own words, for a few seconds. */
    static void refused(RuntimeException refused) {
        io.harbormaster.web.layout.Notices.refused(refused);
    }
}
