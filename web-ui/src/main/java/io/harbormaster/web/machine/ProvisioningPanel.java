package io.harbormaster.web.machine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineDetail;

/**
 * The latest provisioning of a machine while it runs or after it failed: each finished step as it completes (the page
 * is redrawn on every event of the machine), then the failure in the provisioner's words with a button to provision
 * again, for those who may; for a few minutes after it succeeded, the line that points a docker client at it.
 */
final class ProvisioningPanel extends Div {

    /** How long after a provisioning succeeded the page still shows it, with the line to use the machine. */
    static final java.time.Duration SUCCESS_SHOWN = java.time.Duration.ofMinutes(10);

    ProvisioningPanel(ProvisioningAttempt attempt, MachineDetail machine, MachineActions allowed,
                      MachineOperations operations) {
        setId("machine-provisioning");
        getElement().setAttribute("role", "status");
        getStyle().set("border", "1px solid var(--vaadin-border-color, #ccc)").set("border-radius", "6px")
                .set("padding", "0 1em 0.5em").set("width", "100%").set("box-sizing", "border-box");
        var where = attempt.os() == null ? "" : " on " + attempt.os();
        add(new H3(switch (attempt.outcome()) {
            case RUNNING -> "Provisioning" + where + "…";
            case FAILED -> "Provisioning failed" + where;
            case SUCCEEDED -> "Provisioned" + where;
        }));
        var steps = new UnorderedList();
        steps.setId("machine-provisioning-steps");
        steps.getStyle().set("list-style", "none").set("padding-left", "0");
        attempt.doneSteps().forEach(step -> steps.add(new ListItem("✓ " + step)));
        switch (attempt.outcome()) {
            case RUNNING -> steps.add(new ListItem("… " + (attempt.totalSteps() > 0
                    ? "step " + (attempt.doneSteps().size() + 1) + " of " + attempt.totalSteps() + " running"
                    : "running")));
            case FAILED -> steps.add(new ListItem("✗ " + attempt.failedStep()));
            case SUCCEEDED -> {
            }
        }
        add(steps);
        if (attempt.outcome() == ProvisioningAttempt.Outcome.SUCCEEDED) {
            var took = attempt.took().map(d -> " in " + ProvisioningAttempt.seconds(d)).orElse("");
            var line = "eval \"$(hm env " + machine.name() + ")\"";
            var ready = new Paragraph("Ready" + took + ". Point your docker client at it: " + line);
            ready.setId("machine-provisioning-ready");
            var copy = MachineView.copyButton("Copy", line);
            copy.setAriaLabel("Copy the env line");
            add(ready, copy);
        }
        if (attempt.outcome() == ProvisioningAttempt.Outcome.FAILED) {
            var reason = new Paragraph(attempt.reason());
            reason.setId("machine-provisioning-reason");
            reason.getStyle().set("color", "var(--vaadin-error-text-color, #b00020)").set("white-space", "pre-wrap");
            add(reason);
            if (allowed.allows(MachineActions.Action.PROVISION)) {
                var retry = new Button("Provision again",
                        click -> MachineActionBar.run(machine, MachineActions.Action.PROVISION, operations));
                retry.setId("machine-provisioning-retry");
                retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(new Paragraph("Fix what the message says on the host, then:"), retry);
            } else {
                add(new Paragraph("An owner or operator of the machine's team can provision it again once the cause "
                        + "is fixed."));
            }
        }
    }
}
