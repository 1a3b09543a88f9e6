package io.harbormaster.web.fleet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.harbormaster.api.machine.FleetAsOf;
import io.harbormaster.api.machine.FleetChange;
import io.harbormaster.api.machine.MachineAsOf;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/**
 * The team's machines as they were at a moment the user picks (in UTC, like every time in the portal), and what is
 * different now: added, removed, and each changed field then and now. Built by replaying the event store, so it
 * shows what the platform knew then, not a guess. Public because Vaadin instantiates routes reflectively.
 */
@Route(value = "fleet", layout = PortalLayout.class)
@PageTitle("Fleet history")
@PermitAll
public class FleetHistoryView extends VerticalLayout {

    final ComboBox<TeamSummary> team = new ComboBox<>("Team");
    final DateTimePicker at = new DateTimePicker("As of (UTC)");
    final Button show = new Button("Show");
    final Paragraph summary = new Paragraph();
    final Grid<MachineAsOf> machines = new Grid<>(MachineAsOf.class, false);
    final Grid<FleetChange> changes = new Grid<>(FleetChange.class, false);

    private final FleetHistoryService fleet;
    private final Clock clock;

    @Autowired
    FleetHistoryView(FleetHistoryService fleet) {
        this(fleet, Clock.systemUTC());
    }

    FleetHistoryView(FleetHistoryService fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
        setWidthFull();
        var teams = fleet.teams();
        team.setId("fleet-team");
        team.setItems(teams);
        team.setItemLabelGenerator(TeamSummary::name);
        if (teams.size() == 1) {
            team.setValue(teams.getFirst());
        }
        at.setId("fleet-at");
        at.setStep(java.time.Duration.ofMinutes(1));
        at.setValue(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0));
        at.setMax(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        show.setId("fleet-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(click -> showFleet());
        summary.setId("fleet-summary");

        machines.setId("fleet-machines");
        machines.setAllRowsVisible(true);
        machines.addColumn(MachineAsOf::name).setHeader("Name").setAutoWidth(true);
        machines.addColumn(m -> m.state() == null ? "" : m.state().name()).setHeader("State").setAutoWidth(true);
        machines.addColumn(MachineAsOf::driver).setHeader("Driver").setAutoWidth(true);
        machines.addColumn(MachineAsOf::dockerUrl).setHeader("URL").setAutoWidth(true);
        machines.addColumn(MachineAsOf::holderName).setHeader("Holder").setAutoWidth(true);
        machines.addColumn(m -> shortFingerprint(m.caFingerprint())).setHeader("CA").setAutoWidth(true)
                .setTooltipGenerator(MachineAsOf::caFingerprint);
        machines.setEmptyStateText("The team had no machines then.");

        changes.setId("fleet-changes");
        changes.setAllRowsVisible(true);
        changes.addColumn(FleetChange::name).setHeader("Machine").setAutoWidth(true);
        changes.addColumn(c -> switch (c.kind()) {
            case ADDED -> "added since";
            case REMOVED -> "removed since";
            case CHANGED -> "changed";
        }).setHeader("Since then").setAutoWidth(true);
        changes.addColumn(c -> c.fields().stream().map(f -> f.name() + ": " + text(f.then()) + " → " + text(f.now()))
                .collect(Collectors.joining("; "))).setHeader("Then → now").setFlexGrow(1);
        changes.setEmptyStateText("Nothing has changed since.");

        var form = new HorizontalLayout(team, at, show);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        add(new H2("Fleet history"), new Paragraph("The team's machines as they were at a past moment, replayed "
                + "from the event store, and what is different now."), form, summary, machines,
                new H3("What changed since"), changes);
        machines.setVisible(false);
        changes.setVisible(false);
    }

    void showFleet() {
        if (team.getValue() == null || at.getValue() == null) {
            summary.setText("Pick a team and a moment.");
            return;
        }
        var instant = at.getValue().toInstant(ZoneOffset.UTC);
        if (instant.isAfter(clock.instant())) {
            summary.setText("That moment is in the future; the fleet can only be shown as it was.");
            return;
        }
        var answer = fleet.asOf(team.getValue().id(), instant);
        if (answer.isEmpty()) {
            summary.setText("Team " + team.getValue().name() + " is not one you may see.");
            return;
        }
        show(answer.get());
    }

    private void show(FleetAsOf view) {
        summary.setText(view.machines().size() + " machine" + (view.machines().size() == 1 ? "" : "s") + " in "
                + view.teamName() + " at " + at(view.at()) + "; " + view.changes().size() + " difference"
                + (view.changes().size() == 1 ? "" : "s") + " to now (" + at(view.now()) + ").");
        machines.setItems(view.machines());
        changes.setItems(view.changes());
        machines.setVisible(true);
        changes.setVisible(true);
    }

    private static String at(Instant instant) {
        return instant.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }

    private static String text(String value) {
        return value == null ? "—" : value;
    }

    private static String shortFingerprint(String fingerprint) {
        return fingerprint == null || fingerprint.length() < 12 ? text(fingerprint) : fingerprint.substring(0, 11) + "…";
    }
}
