package io.harbormaster.web.machine;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.machine.MachineActions;
import io.harbormaster.api.machine.MachineDetail;
import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.machine.MachineShare;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * One machine: its state, where it is, its driver options (never a secret: keys live in the secret store, not in
 * options), certificates' CA fingerprint, holder, shares, the {@code hm} commands to use it from a workstation, and
 * its latest history, kept current while the page is open. A machine the user may not see reads like one that does
 * not exist. Public because Vaadin instantiates routes reflectively.
 */
@Route(value = "machines", layout = PortalLayout.class)
@PermitAll
public class MachineView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final int HISTORY_ENTRIES = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MachineListService machines;
    private String title = "Machine";
    final TreeGrid<AuditEntry> history = new TreeGrid<>();

    private final MachineListUpdates updates;
    private final MachineOperations operations;
    private MachineId shown;
    private Registration live;

    private final MachineCreation creation;

    MachineView(MachineListService machines, MachineListUpdates updates, MachineOperations operations,
                MachineCreation creation) {
        this.machines = machines;
        this.updates = updates;
        this.operations = operations;
        this.creation = creation;
        setWidthFull();
    }

    /** While the page is open, a change of this machine shows at once (server push). */
    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        live = updates.subscribe(machine -> machine.equals(shown), () -> ui.access(() -> {
            if (shown != null) {
                render(shown);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        MachineId machineId;
        try {
            machineId = MachineId.of(id);
        } catch (IllegalArgumentException e) {
            removeAll();
            showMissing(id);
            return;
        }
        shown = machineId;
        render(machineId);
    }

    private void render(MachineId machineId) {
        removeAll();
        var detail = machines.machine(machineId);
        if (detail.isEmpty()) {
            showMissing(machineId.value());
            return;
        }
        show(detail.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void showMissing(String id) {
        title = "No such machine";
        var back = new Anchor("", "Back to the machines");
        back.getElement().setAttribute("router-link", true);
        var text = new Paragraph("There is no machine " + id + " that you may see. It may have been removed, or it "
                + "belongs to a team you are not in.");
        text.setId("machine-missing");
        add(new H2("No such machine"), text, back);
    }

    private void show(MachineDetail machine) {
        title = machine.name() + " · Machines";
        var heading = new HorizontalLayout(new H2(machine.name()), StateBadge.of(machine.state()));
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.setId("machine-heading");

        var facts = new TreeMap<String, String>();
        var shown = new java.util.LinkedHashMap<String, String>();
        shown.put("Team", machine.teamName());
        shown.put("Driver", machine.driver());
        shown.put("Operating system", machine.os());
        shown.put("Docker URL", machine.dockerUrl());
        shown.put("IP address", machine.ipAddress());
        shown.put("Docker version", machine.dockerVersion());
        shown.put("Holder", machine.holderName());
        shown.put("Last error", machine.lastError());
        shown.put("Created", machine.createdAt() == null ? null : WHEN.format(machine.createdAt()));
        shown.put("Updated", machine.updatedAt() == null ? null : WHEN.format(machine.updatedAt()));
        if (machine.driverOptions() != null) {
            facts.putAll(machine.driverOptions().values());
        }
        var details = io.harbormaster.web.layout.FactList.of(shown);
        details.setId("machine-facts");

        var options = io.harbormaster.web.layout.FactList.of(facts);
        options.setId("machine-driver-options");

        var allowed = allowedActions(machine);
        var actions = new MachineActionBar(machine, allowed, operations, machines::teams);

        var shares = new Div();
        shares.setId("machine-shares");
        if (machine.shares().isEmpty()) {
            shares.add(new Paragraph("Not shared outside its team."));
        } else {
            machine.shares().forEach(share -> shares.add(shareLine(machine, share, allowed)));
        }

        var env = new Pre(String.join("\n",
                "eval \"$(hm env " + machine.name() + ")\"              # bash, zsh",
                "hm env " + machine.name() + " | source               # fish",
                "hm env --shell powershell " + machine.name() + " | Invoke-Expression   # PowerShell"));
        env.setId("machine-env");
        var copyEnv = copyButton("Copy for bash", "eval \"$(hm env " + machine.name() + ")\"");
        copyEnv.setId("machine-env-copy");

        var commands = new Pre(String.join("\n",
                "hm ssh " + machine.name() + "          # a shell on its host (a short-lived SSH certificate)",
                "hm context " + machine.name() + "      # a docker context: docker --context " + machine.name() + " ps",
                "hm inspect " + machine.name() + "      # everything above, as JSON",
                "hm history " + machine.name() + "      # the whole history"));
        commands.setId("machine-commands");

        history.setId("machine-history");
        history.setAllRowsVisible(true);
        history.removeAllColumns();
        history.addHierarchyColumn(entry -> entry.occurredAt() == null ? "" : WHEN.format(entry.occurredAt()))
                .setHeader("When").setAutoWidth(true);
        history.addColumn(AuditEntry::summary).setHeader("What").setFlexGrow(4);
        history.getElement().getThemeList().add("wrap-cell-content");
        history.addColumn(AuditEntry::actorName).setHeader("Who").setAutoWidth(true);
        history.addColumn(AuditEntry::channel).setHeader("Via").setAutoWidth(true);
        history.addColumn(AuditEntry::clientAddress).setHeader("From").setAutoWidth(true);
        var entries = machines.history(machine.id(), HISTORY_ENTRIES);
        var timeline = MachineTimeline.of(entries);
        history.setTreeData(timeline.tree());
        history.expand(timeline.expanded());

        var use = allowed.allows(MachineActions.Action.USE);
        add(heading, actions);
        ProvisioningAttempt.latest(entries)
                .filter(attempt -> attempt.outcome() != ProvisioningAttempt.Outcome.SUCCEEDED
                        || attempt.startedAt() != null && attempt.endedAt() != null && attempt.endedAt().isAfter(
                                java.time.Instant.now().minus(ProvisioningPanel.SUCCESS_SHOWN)))
                .ifPresent(attempt -> add(new ProvisioningPanel(attempt, machine, allowed, operations)));
        add(details, new H3("Driver options"), options);
        add(new H3("Certificates"), certificates(machine));
        sshKeySection(machine);
        add(new H3("Shares"), shares, new H3("Use it with docker"), env, copyEnv);
        if (use) {
            add(downloads(machine));
        }
        add(new H3("From a workstation"), commands, new H3("History (latest " + HISTORY_ENTRIES + ")"), history);
    }

    /** The CA and the certificate the daemon presents: what a client checks, never a key. */
    private static Component certificates(MachineDetail machine) {
        var facts = new java.util.LinkedHashMap<String, String>();
        facts.put("CA fingerprint (SHA-256)", machine.caFingerprint());
        var server = machine.serverCertificate();
        if (server != null) {
            facts.put("Server fingerprint (SHA-256)", server.fingerprint() != null ? server.fingerprint()
                    : "not recorded for this certificate; regenerating the certificates records it");
            facts.put("Server serial", server.serial());
            facts.put("Server certificate expires", server.notAfter() == null ? null
                    : WHEN.format(server.notAfter()) + " (" + daysLeft(server.notAfter()) + ")");
            facts.put("Names (SANs)", String.join(", ", server.names()));
            facts.put("Key algorithm", server.keyAlgorithm());
        }
        var list = io.harbormaster.web.layout.FactList.of(facts);
        list.setId("machine-certificates");
        return list;
    }

    private static String daysLeft(java.time.Instant notAfter) {
        var days = java.time.Duration.between(java.time.Instant.now(), notAfter).toDays();
        return days < 0 ? "expired" : days == 0 ? "today" : "in " + days + (days == 1 ? " day" : " days");
    }

    /**
     * Files with a fresh client certificate for the user, made when the link is followed: the same bundle and docker
     * context the API's {@code client-bundle} and {@code docker-context} give.
     */
    private Component downloads(MachineDetail machine) {
        var tar = download("Client bundle (.tar)", () -> operations.clientBundle(machine.id(), false));
        tar.setId("machine-download-bundle-tar");
        var zip = download("Client bundle (.zip)", () -> operations.clientBundle(machine.id(), true));
        zip.setId("machine-download-bundle-zip");
        var context = download("docker context", () -> operations.dockerContext(machine.id()));
        context.setId("machine-download-context");
        var links = new HorizontalLayout(tar, zip, context);
        links.setId("machine-downloads");
        var hint = new Paragraph("Each download holds a new client certificate for you (ca.pem, cert.pem, key.pem). "
                + "Import the context with: docker context import " + machine.name() + " " + machine.name()
                + ".dockercontext");
        hint.setId("machine-downloads-hint");
        return new Div(links, hint);
    }

    private static Anchor download(String label, java.util.function.Supplier<MachineDownload> make) {
        var anchor = new Anchor(com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
            try {
                var file = make.get();
                var bytes = file.bytes();
                return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                        file.fileName(), file.contentType(), bytes.length);
            } catch (RuntimeException refused) {
                return com.vaadin.flow.server.streams.DownloadResponse.error(409, refused.getMessage());
            }
        }), com.vaadin.flow.component.html.AttachmentType.DOWNLOAD, label);
        return anchor;
    }

    /**
     * For a machine whose host is reached over SSH: the public half of the platform's key for it, to add to the
     * host's authorized_keys when the platform made the key (created without one).
     */
    private void sshKeySection(MachineDetail machine) {
        java.util.Optional<String> key;
        try {
            key = creation.sshPublicKey(machine.id());
        } catch (RuntimeException e) {
            key = java.util.Optional.empty();
        }
        if (key.isEmpty()) {
            return;
        }
        var user = machine.driverOptions() == null ? null : machine.driverOptions().values().get("ssh-user");
        var account = user == null || user.equals("root") ? "root" : user;
        var text = new Paragraph("The platform reaches the host as " + account + " with this key. If you gave it "
                + "your own key, the host has it already. If the platform made the key, add this line to ~" + account
                + "/.ssh/authorized_keys on the host, then provision the machine again:");
        var line = new Pre(key.get().strip());
        line.setId("machine-ssh-public-key");
        line.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        var copy = copyButton("Copy the public key", key.get().strip());
        copy.setId("machine-ssh-public-key-copy");
        add(new H3("SSH key"), text, line, copy);
    }

    /** A button that puts {@code text} on the clipboard, in the browser. */
    static com.vaadin.flow.component.button.Button copyButton(String label, String text) {
        var button = new com.vaadin.flow.component.button.Button(label);
        button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        button.addClickListener(click -> button.getElement().executeJs("navigator.clipboard.writeText($0)", text));
        return button;
    }

    /** The actions to offer; none when the machine cannot say (the page still shows what it knows). */
    private MachineActions allowedActions(MachineDetail machine) {
        try {
            return operations.actions(machine.id());
        } catch (RuntimeException e) {
            return new MachineActions(machine.id(), java.util.Set.of());
        }
    }

    private Component shareLine(MachineDetail machine, MachineShare share, MachineActions allowed) {
        var line = new HorizontalLayout(new Span(describe(share)));
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (allowed.allows(MachineActions.Action.UNSHARE)) {
            var unshare = new com.vaadin.flow.component.button.Button("Unshare", click -> {
                try {
                    operations.unshare(machine.id(), share.grantee());
                } catch (RuntimeException refused) {
                    MachineActionBar.refused(refused);
                }
            });
            unshare.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                    com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            unshare.setAriaLabel("Unshare " + describe(share));
            line.add(unshare);
        }
        return line;
    }

    private static String describe(MachineShare share) {
        var who = share.granteeName() != null ? share.granteeName() : share.grantee().id();
        return share.grantee().kind().name().toLowerCase(java.util.Locale.ROOT) + " " + who + ": "
                + share.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
