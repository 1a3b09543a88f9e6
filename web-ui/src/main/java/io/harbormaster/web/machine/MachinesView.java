package io.harbormaster.web.machine;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.harbormaster.api.machine.MachineSummary;
import io.harbormaster.web.layout.PortalLayout;
import io.harbormaster.web.outage.DatabaseOutage;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The team's machines, loaded lazily page by page. Sorting stays with the query side (natural name order), so the
 * columns are not sortable. Public because Vaadin instantiates routes reflectively.
 */
@Route(value = "", layout = PortalLayout.class)
@PageTitle("Machines")
@PermitAll
public class MachinesView extends VerticalLayout {

    static final String EMPTY_TEXT = "No machines yet";

    // UTC until the portal knows the viewer's zone; shown with its zone so nobody misreads it.
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final TextField filter = new TextField();
    final Grid<MachineSummary> grid = new Grid<>(MachineSummary.class, false);

    MachinesView(MachineListService machines) {
        setSizeFull();
        filter.setId("machine-filter");
        filter.setPlaceholder("Filter by name");
        filter.setAriaLabel("Filter by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setMaxLength(NameFilter.MAX_TEXT_LENGTH);
        filter.setValueChangeMode(ValueChangeMode.LAZY);

        grid.setId("machines-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(EMPTY_TEXT);
        grid.addColumn(MachineSummary::name).setHeader("Name").setKey("name");
        grid.addColumn(MachineSummary::teamName).setHeader("Team").setKey("team");
        grid.addColumn(MachineSummary::driver).setHeader("Driver").setKey("driver");
        grid.addColumn(m -> m.state() == null ? "" : m.state().name()).setHeader("State").setKey("state");
        grid.addColumn(MachineSummary::holderName).setHeader("Holder").setKey("holder");
        grid.addColumn(MachineSummary::dockerUrl).setHeader("URL").setKey("url");
        grid.addColumn(m -> formatUpdated(m.updatedAt())).setHeader("Updated").setKey("updated");
        grid.setItems(
                query -> PageWindow.fetch(machines, NameFilter.containing(filter.getValue()), query.getOffset(),
                        query.getLimit()).stream(),
                query -> count(machines));
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add(new H2("Machines"), filter, grid);
        setFlexGrow(1, grid);
    }

    /** Counts first on every load, so an outage is said where the list would be, not as "No machines yet". */
    private int count(MachineListService machines) {
        try {
            var count = PageWindow.count(machines, NameFilter.containing(filter.getValue()));
            grid.setEmptyStateText(EMPTY_TEXT);
            return count;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                grid.setEmptyStateText(DatabaseOutage.MESSAGE);
            }
            throw e;
        }
    }

    static String formatUpdated(Instant updatedAt) {
        return updatedAt == null ? "" : UPDATED.format(updatedAt);
    }
}
