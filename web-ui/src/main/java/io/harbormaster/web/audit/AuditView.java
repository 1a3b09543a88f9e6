package io.harbormaster.web.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.audit.AuditFilter;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.common.PageRequest;
import io.harbormaster.api.team.TeamSummary;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A team's audit log: who did what to which machine, when, through which channel and from where, newest first,
 * filtered by actor, channel, action and time (UTC), paged lazily, and exported as CSV or JSON exactly as the API
 * exports it. Public because Vaadin instantiates routes reflectively.
 */
@Route(value = "audit", layout = PortalLayout.class)
@PageTitle("Audit log")
@PermitAll
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    final ComboBox<TeamSummary> team = new ComboBox<>("Team");
    final TextField actor = new TextField("Actor");
    final Select<Channel> channel = new Select<>();
    final TextField action = new TextField("Action");
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker to = new DateTimePicker("To (UTC)");
    final Grid<AuditEntry> entries = new Grid<>(AuditEntry.class, false);
    final Anchor csv;
    final Anchor json;

    private final AuditLogService log;

    AuditView(AuditLogService log) {
        this.log = log;
        setSizeFull();
        var teams = log.teams();
        team.setId("audit-team");
        team.setItems(teams);
        team.setItemLabelGenerator(TeamSummary::name);
        if (!teams.isEmpty()) {
            team.setValue(teams.getFirst());
        }
        actor.setId("audit-actor");
        actor.setPlaceholder("username");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        channel.setId("audit-channel");
        channel.setLabel("Channel");
        channel.setItems(Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption("Any channel");
        action.setId("audit-action");
        action.setPlaceholder("e.g. MachineHandedOff");
        action.setClearButtonVisible(true);
        action.setValueChangeMode(ValueChangeMode.LAZY);
        from.setId("audit-from");
        to.setId("audit-to");

        entries.setId("audit-entries");
        entries.addColumn(e -> e.occurredAt() == null ? "" : WHEN.format(e.occurredAt())).setHeader("When")
                .setAutoWidth(true);
        entries.addColumn(AuditEntry::subject).setHeader("Subject").setAutoWidth(true);
        entries.addColumn(AuditEntry::summary).setHeader("What").setFlexGrow(1)
                .setTooltipGenerator(AuditEntry::summary);
        entries.addColumn(AuditEntry::actorName).setHeader("Who").setAutoWidth(true);
        entries.addColumn(AuditEntry::channel).setHeader("Via").setAutoWidth(true);
        entries.addColumn(AuditEntry::clientAddress).setHeader("From").setAutoWidth(true);
        entries.setEmptyStateText("No entry matches.");
        entries.setItems(query -> {
            if (team.getValue() == null) {
                return java.util.stream.Stream.empty();
            }
            var size = query.getLimit();
            var page = log.page(team.getValue().id(), filter(), new PageRequest(query.getOffset() / size, size));
            return page.items().stream();
        }, query -> team.getValue() == null ? 0
                : (int) Math.min(Integer.MAX_VALUE, log.page(team.getValue().id(), filter(), new PageRequest(0, 1))
                        .total()));
        entries.setPageSize(PageRequest.DEFAULT_SIZE);

        csv = new Anchor(download("csv"), "Export CSV");
        csv.setId("audit-export-csv");
        json = new Anchor(download("json"), "Export JSON");
        json.setId("audit-export-json");

        team.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        actor.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        channel.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        action.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> timeRangeChanged());
        to.addValueChangeListener(e -> timeRangeChanged());

        var filters = new FlexLayout(team, actor, channel, action, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "0 1em");
        var exports = new FlexLayout(csv, json);
        exports.getStyle().set("gap", "1.5em");
        add(new H2("Audit log"), filters, exports, entries);
        setFlexGrow(1, entries);
    }

    /** What the filter fields ask for, as the API's audit filter; an end not after the start is left out. */
    AuditFilter filter() {
        var start = instant(from.getValue());
        var end = instant(to.getValue());
        if (start != null && end != null && !start.isBefore(end)) {
            end = null;
        }
        return new AuditFilter(blankToNull(actor.getValue()), channel.getValue(), blankToNull(action.getValue()),
                start, end);
    }

    /** Says at the field when the range is empty (the list then ignores its end) and reads the log again. */
    private void timeRangeChanged() {
        var start = instant(from.getValue());
        var end = instant(to.getValue());
        var empty = start != null && end != null && !start.isBefore(end);
        to.setInvalid(empty);
        to.setErrorMessage(empty ? "To must be after From; the list ignores it until it is." : null);
        entries.getDataProvider().refreshAll();
    }

    private DownloadHandler download(String format) {
        return DownloadHandler.fromInputStream(event -> {
            var chosen = team.getValue();
            var file = chosen == null ? java.util.Optional.<io.harbormaster.api.audit.AuditExportFile>empty()
                    : log.export(chosen.id(), filter(), format);
            if (file.isEmpty()) {
                return DownloadResponse.error(404);
            }
            var content = file.get().content();
            return new DownloadResponse(new ByteArrayInputStream(content), file.get().fileName(),
                    file.get().contentType(), content.length);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }
}
