package io.harbormaster.web.machine;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.harbormaster.api.machine.MachineFilter;
import io.harbormaster.api.machine.MachineState;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.api.team.TeamMember;
import io.harbormaster.web.layout.PortalLayout;
import io.harbormaster.web.outage.DatabaseOutage;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The machines the signed-in user may see, loaded lazily page by page, filtered by name, state, driver, team and
 * holder on the query side. Sorting stays with the query side (natural name order), so the columns are not
 * sortable. A row opens the machine's page. Changes made anywhere show without a reload. Public because Vaadin instantiates routes reflectively.
 */
@Route(value = "", layout = PortalLayout.class)
@PageTitle("Machines")
@PermitAll
public class MachinesView extends VerticalLayout {

    static final String EMPTY_TEXT = "No machines yet. Create one with hm create (Get the hm CLI, above) or "
            + "POST /api/machines.";
    static final String NO_MATCH_TEXT = "No machine matches these filters. Clear a filter to see more.";

    // UTC until the portal knows the viewer's zone; shown with its zone so nobody misreads it.
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final TextField filter = new TextField();
    final Select<MachineState> state = new Select<>();
    final TextField driver = new TextField();
    final ComboBox<TeamDetail> team = new ComboBox<>();
    final ComboBox<TeamMember> holder = new ComboBox<>();
    final Grid<MachineSummary> grid = new Grid<>(MachineSummary.class, false);

    private final MachineListUpdates updates;
    private Registration live;

    MachinesView(MachineListService machines, MachineListUpdates updates) {
        this.updates = updates;
        setSizeFull();
        filter.setId("machine-filter");
        filter.setLabel("Name");
        filter.setPlaceholder("Filter by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setMaxLength(NameFilter.MAX_TEXT_LENGTH);
        filter.setValueChangeMode(ValueChangeMode.LAZY);

        state.setId("state-filter");
        state.setLabel("State");
        state.setItems(MachineState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Any state");

        driver.setId("driver-filter");
        driver.setLabel("Driver");
        driver.setPlaceholder("Any driver");
        driver.setClearButtonVisible(true);
        driver.setValueChangeMode(ValueChangeMode.LAZY);

        var teams = teamsOrNone(machines);
        team.setId("team-filter");
        team.setLabel("Team");
        team.setPlaceholder("Any team");
        team.setClearButtonVisible(true);
        team.setItems(teams);
        team.setItemLabelGenerator(TeamDetail::name);

        holder.setId("holder-filter");
        holder.setLabel("Holder");
        holder.setPlaceholder("Anyone");
        holder.setClearButtonVisible(true);
        holder.setItems(members(teams));
        holder.setItemLabelGenerator(TeamMember::username);

        grid.setId("machines-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(EMPTY_TEXT);
        // a link, so the page opens from the keyboard too (Enter on the cell, then Enter on the link) and in a new tab
        grid.addColumn(new ComponentRenderer<>(m -> new com.vaadin.flow.router.RouterLink(m.name(), MachineView.class,
                        m.id().value()))).setHeader("Name").setKey("name").setAutoWidth(true).setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(m -> StateBadge.of(m.state()))).setHeader("State").setKey("state")
                .setAutoWidth(true);
        grid.addColumn(MachineSummary::driver).setHeader("Driver").setKey("driver").setAutoWidth(true);
        grid.addColumn(MachineSummary::dockerUrl).setHeader("URL").setKey("url").setAutoWidth(true);
        grid.addColumn(MachineSummary::dockerVersion).setHeader("Docker").setKey("docker").setAutoWidth(true);
        grid.addColumn(MachineSummary::holderName).setHeader("Holder").setKey("holder").setAutoWidth(true);
        grid.addColumn(MachineSummary::teamName).setHeader("Team").setKey("team").setAutoWidth(true);
        grid.addColumn(MachineSummary::lastError).setHeader("Last error").setKey("error").setWidth("16em")
                .setTooltipGenerator(MachineSummary::lastError);
        grid.addColumn(m -> formatUpdated(m.updatedAt())).setHeader("Updated").setKey("updated").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(
                query -> PageWindow.fetch(machines, filter(), query.getOffset(), query.getLimit()).stream(),
                query -> count(machines));
        grid.addItemClickListener(click -> click.getSource().getUI().ifPresent(ui ->
                ui.navigate(MachineView.class, click.getItem().id().value())));
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        driver.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        team.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        holder.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var filters = new FlexLayout(filter, state, driver, team, holder);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "0 1em");
        var newMachine = new com.vaadin.flow.component.button.Button("Create a machine", click -> click.getSource()
                .getUI().ifPresent(ui -> ui.navigate(CreateMachineView.class)));
        newMachine.setId("create-machine");
        newMachine.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        var heading = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(new H2("Machines"), newMachine);
        heading.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(heading, filters, grid);
        setFlexGrow(1, grid);
    }

    /** While the page is open, every change of the machine list re-reads the rows shown (server push). */
    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        live = updates.subscribe(machine -> true, () -> ui.access(() -> grid.getDataProvider().refreshAll()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    /** What the filter fields ask for, as the query side's filter. */
    MachineFilter filter() {
        var name = NameFilter.containing(filter.getValue());
        var chosenDriver = driver.getValue() == null || driver.getValue().isBlank() ? null : driver.getValue().strip();
        return new MachineFilter(team.getValue() == null ? null : team.getValue().id(), state.getValue(), chosenDriver,
                holder.getValue() == null ? null : holder.getValue().userId(), name.nameRegex());
    }

    private boolean filtered() {
        var chosen = filter();
        return chosen.team() != null || chosen.state() != null || chosen.driver() != null || chosen.holder() != null
                || chosen.nameRegex() != null;
    }

    /** Counts first on every load, so an outage is said where the list would be, not as "No machines yet". */
    private int count(MachineListService machines) {
        try {
            var count = PageWindow.count(machines, filter());
            grid.setEmptyStateText(filtered() ? NO_MATCH_TEXT : EMPTY_TEXT);
            return count;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                grid.setEmptyStateText(DatabaseOutage.MESSAGE);
            }
            throw e;
        }
    }

    /**
     * The caller's teams for the filters. Without them (the database out of reach) the list still opens, without
     * team and holder choices, and says what is wrong where the rows would be.
     */
    private static List<TeamDetail> teamsOrNone(MachineListService machines) {
        try {
            return machines.teams();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Everyone in the caller's teams, once each, by username: whom a machine may be handed to. */
    private static List<TeamMember> members(List<TeamDetail> teams) {
        var byUser = new LinkedHashMap<String, TeamMember>();
        teams.forEach(t -> t.members().forEach(m -> byUser.putIfAbsent(m.userId().value(), m)));
        return byUser.values().stream().sorted(Comparator.comparing(TeamMember::username)).toList();
    }

    static String formatUpdated(Instant updatedAt) {
        return updatedAt == null ? "" : UPDATED.format(updatedAt);
    }
}
