package io.harbormaster.cli.machine;

import io.harbormaster.api.machine.MachineName;
import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.Workstation;
import io.harbormaster.cli.driver.DriverCatalog;
import io.harbormaster.cli.driver.DriverFlags;
import io.harbormaster.cli.driver.SecretFlags;
import io.harbormaster.cli.server.HarbormasterClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm create}: docker-machine's {@code create} for the drivers Harbormaster has, {@code generic} (an existing
 * host, provisioned over SSH) and {@code none} (an existing Docker daemon, by URL).
 *
 * <p><b>Checks first, exit 3.</b> What docker-machine checks before creating anything is checked here before the
 * server is asked: the name ({@code Error creating machine: Invalid hostname specified…}), the driver and its
 * required option, the engine options' {@code k=v} form, the SSH key file (docker-machine's pre-create check
 * {@code SSH key does not exist}), the team. Each exits 3, docker-machine's code for a failed pre-create check (it
 * uses 1 for some of these; one code for "nothing was created, fix the command" is easier to script against). A
 * server refusal of the request (400/422: invalid; 409: the name is taken) also means nothing was created and exits
 * 3 with the server's words.
 *
 * <p><b>Driver and team.</b> The driver must be named ({@code -d} or {@code $MACHINE_DRIVER}): docker-machine's
 * default, virtualbox, does not exist here, and neither remaining driver is a safe guess. The team defaults to the
 * caller's only team; with several, hm lists them and asks for {@code --team}.
 *
 * <p><b>Other drivers' flags come from the server.</b> {@code generic} and {@code none} have their flags here, as
 * docker-machine's. For any other driver ({@code amazonec2}, and whatever the platform adds later) hm asks the server
 * for the driver's described options before parsing ({@link #prepare}) and takes exactly those as flags
 * ({@link DriverFlags}); AWS keys are refused before anything is sent ({@link SecretFlags}).
 *
 * <p><b>The key.</b> {@code --generic-ssh-key} names the private key file; hm reads it and sends it once, in the
 * create request's {@code sshKey}, from where the server keeps it in its secret store. It is never printed, and
 * messages about it name the file, not its content.
 *
 * <p><b>Progress.</b> After the 202 hm reads the new machine's event stream from its start ({@code after=0}), so no
 * step is missed however fast the server is, and prints docker-machine's lines as the steps complete
 * ({@link ProvisioningProgress}); at a terminal each step shows {@code (N/M)}. It ends with docker-machine's
 * {@code Docker is up and running!}, the URL and the {@code hm env} hint, or with the failure's reason and exit 1.
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a machine",
        footer = {"", "Examples:",
                "  hm create -d generic --generic-ip-address 10.0.0.5 --generic-ssh-user ubuntu \\",
                "            --generic-ssh-key ~/.ssh/id_ed25519 web-1",
                "  hm create -d none --url tcp://10.0.0.6:2376 legacy-1",
                "  hm create -d generic --generic-ip-address 10.0.0.7 --engine-label env=prod \\",
                "            --team platform web-2",
                "  hm create -d amazonec2 --amazonec2-credential aws-prod \\",
                "            --amazonec2-region eu-west-1 --amazonec2-open-port 8080 \\",
                "            --amazonec2-open-port 53/udp cloud-1",
                "",
                "Other drivers' flags (amazonec2, ...) are the options the server describes",
                "for them: hm drivers lists the drivers, hm drivers DRIVER a driver's flags,",
                "and hm create -d DRIVER --help shows them here."})
public class CreateCommand implements Callable<Integer> {

    /** docker-machine's exit code for a failed pre-create check; hm uses it for every "nothing was created". */
    static final int PRE_CREATE = 3;
    static final int MAX_SSH_KEY_LENGTH = 16_384;

    private static final Pattern NAME = MachineName.RULE;
    private static final Pattern URL_IN_SUMMARY = Pattern.compile("Docker Engine at (\\S+)");

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The new machine's name: letters, digits, "
            + "'.' and '-', starting with a letter or digit")
    private String name;

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER",
            completionCandidates = io.harbormaster.cli.completion.Candidates.Drivers.class,
            description = "Driver to create machine with: generic, none, or another the server has (hm drivers) "
                    + "(default: $MACHINE_DRIVER)")
    private String driver;

    @Option(names = "--team", paramLabel = "TEAM", description = "The team that owns the machine, name or id "
            + "(default: your only team)")
    private String team;

    @Option(names = "--generic-ip-address", paramLabel = "ADDRESS", description = "IP Address of machine")
    private String ipAddress;

    @Option(names = "--generic-ssh-user", paramLabel = "USER", description = "SSH user (default: root)")
    private String sshUser;

    @Option(names = "--generic-ssh-key", paramLabel = "FILE",
            description = "SSH private key path (if not provided, Harbormaster uses its own key for the machine); "
                    + "sent to the server's secret store, never printed")
    private String sshKey;

    @Option(names = "--generic-ssh-port", paramLabel = "PORT", description = "SSH port (default: 22)")
    private Integer sshPort;

    @Option(names = "--generic-engine-port", paramLabel = "PORT", description = "Docker engine port (default: 2376)")
    private Integer enginePort;

    @Option(names = "--url", paramLabel = "URL", description = "URL of host when no driver is selected (-d none), "
            + "like tcp://10.0.0.6:2376")
    private String url;

    @Option(names = "--engine-opt", paramLabel = "FLAG=VALUE",
            description = "Specify arbitrary flags to include with the created engine in the form flag=value")
    private List<String> engineOpts = new ArrayList<>();

    @Option(names = "--engine-label", paramLabel = "KEY=VALUE", description = "Specify labels for the created engine")
    private List<String> engineLabels = new ArrayList<>();

    @Option(names = "--engine-install-url", paramLabel = "URL",
            description = "Custom URL to use for engine installation")
    private String engineInstallUrl;

    @Option(names = "--tls-san", paramLabel = "NAME", description = "Support extra SANs for TLS certs")
    private List<String> tlsSans = new ArrayList<>();

    @Option(names = "--no-wait", description = "Return once Harbormaster accepted the request, without following "
            + "the creation (hm status NAME shows how it goes)")
    private boolean noWait;

    /** The server's flags of the chosen driver, when it is neither generic nor none (see {@link #prepare}). */
    private DriverFlags driverFlags;

    /**
     * Before {@code hm create} is parsed for real: refuses AWS keys as flags, and for a driver other than generic and
     * none adds the options the server describes for it as flags, after checking that the server has it. A first
     * parse finds the driver (picocli sets what it can even when flags are unknown); generic and none are left
     * exactly as they were.
     */
    public static void prepare(CommandLine root, String[] args) {
        SecretFlags.refuse(args, "Error creating machine: ", PRE_CREATE);
        var create = root.getSubcommands().get("create");
        try {
            root.parseArgs(args);
        } catch (CommandLine.ParameterException notYet) {
            // reported when the command runs, unless the driver's flags were what was missing
        }
        CreateCommand command = create.getCommand();
        var chosen = command.chosenDriver();
        if (chosen.isEmpty() || chosen.get().equals("generic") || chosen.get().equals("none")) {
            return;
        }
        boolean help = create.isUsageHelpRequested();
        DriverCatalog catalog;
        try {
            catalog = DriverCatalog.of(command.hm.connect());
        } catch (HmException unreachable) {
            if (!help) {
                throw unreachable;
            }
            // help without the server still says what it can
            return;
        }
        var driver = catalog.driver(chosen.get(), "Error creating machine: ", PRE_CREATE);
        command.driverFlags = DriverFlags.install(create.getCommandSpec(), catalog.server(), driver);
        var otherwise = root.getParameterExceptionHandler();
        root.setParameterExceptionHandler((failure, arguments) -> {
            Optional<String> message = Optional.empty();
            if (failure instanceof CommandLine.UnmatchedArgumentException unmatched
                    && unmatched.getCommandLine() == create) {
                var ownFlags = create.getCommandSpec().options().stream().filter(o -> !o.hidden())
                        .flatMap(o -> java.util.Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList();
                message = command.driverFlags.unknownFlag(unmatched.getUnmatched(), ownFlags);
            } else if (command.driverFlags.owns(failure.getArgSpec())
                    || failure instanceof CommandLine.MissingParameterException missing
                    && missing.getMissing().stream().anyMatch(command.driverFlags::owns)) {
                // a driver flag without its value, or a boolean that is not true or false: one line, not the usage
                message = Optional.of(failure.getMessage() + " " + command.driverFlags.listHint());
            }
            if (message.isEmpty()) {
                return otherwise.handleParseException(failure, arguments);
            }
            create.getErr().println(message.get());
            create.getErr().flush();
            return create.getCommandSpec().exitCodeOnInvalidInput();
        });
    }

    /** {@code -d}, else {@code $MACHINE_DRIVER}, in lower case. */
    private Optional<String> chosenDriver() {
        return Optional.ofNullable(driver).filter(d -> !d.isBlank())
                .or(() -> hm == null ? Optional.empty() : hm.workstation().variable("MACHINE_DRIVER"))
                .map(d -> d.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public Integer call() {
        var workstation = hm.workstation();
        var out = spec.commandLine().getOut();
        if (name == null || name.isBlank()) {
            throw new HmException("Error: No machine name specified");
        }
        if (!NAME.matcher(name).matches() || name.length() > MachineName.MAX_LENGTH) {
            throw preCreate("Error creating machine: Invalid hostname specified. Allowed hostname chars are: "
                    + "0-9a-zA-Z . -" + (name.length() > MachineName.MAX_LENGTH ? " (and at most "
                    + MachineName.MAX_LENGTH + " of them)" : ""));
        }
        var chosenDriver = chosenDriver().orElseThrow(() -> preCreate("Error creating machine: no driver given. Use -d generic (an existing "
                        + "host, over SSH) or -d none (an existing Docker daemon, with --url)"));
        var driverOptions = driverOptions(chosenDriver);
        var engine = engineOptions();
        out.println("Running pre-create checks...");
        out.flush();
        var key = sshKey == null ? null : readKey(workstation, sshKey);
        var client = hm.connect();
        var teamId = teamId(client);

        var body = new LinkedHashMap<String, Object>();
        body.put("team", teamId);
        body.put("name", name);
        body.put("driver", chosenDriver);
        body.put("driverOptions", driverOptions);
        if (key != null) {
            body.put("sshKey", key);
        }
        if (engine != null) {
            body.put("engineOptions", engine);
        }
        MachineCommands.Accepted accepted;
        try {
            accepted = MachineCommands.send(client, "POST", "/api/machines", Map.of(), body);
        } catch (MachineCommands.Refused refused) {
            // invalid (400, 422) or the name is taken (409): nothing was created
            int status = refused.status();
            throw new HmException(refused.getMessage(), status == 400 || status == 409 || status == 422
                    ? PRE_CREATE : 1);
        }
        if (accepted.machineId() == null) {
            throw new HmException("Harbormaster at " + client.server() + " accepted the machine but did not say its "
                    + "id; see hm status " + name);
        }
        out.println("Creating machine...");
        out.flush();
        if (noWait) {
            out.println("Machine " + Operation.quoted(name) + " is being created; not waiting for it (hm status "
                    + name + " shows how it goes).");
            out.flush();
            return 0;
        }
        boolean decorate = workstation.decorate();
        var outcome = MachineEvents.follow(client, accepted.machineId(), "the creation of " + Operation.quoted(name)
                + " finished", entry -> {
                    ProvisioningProgress.line(entry, decorate).ifPresent(line -> LifecycleVerb.println(out, line));
                    if (entry.is("MachineProvisioned")) {
                        return Optional.of(new Operation.Outcome(true, entry));
                    }
                    if (entry.is("ProvisioningFailed", "MachineRemoved")) {
                        return Optional.of(new Operation.Outcome(false, entry));
                    }
                    return Optional.empty();
                });
        if (!outcome.success()) {
            throw new HmException("Error creating machine: " + outcome.reason() + ". Retry with hm provision " + name
                    + ", or remove it with hm rm " + name);
        }
        out.println("Docker is up and running!");
        var dockerUrl = URL_IN_SUMMARY.matcher(outcome.entry().summary());
        if (dockerUrl.find()) {
            out.println("Machine " + Operation.quoted(name) + " is at " + dockerUrl.group(1));
        }
        out.println("To see how to connect your Docker Client to the Docker Engine running on this virtual machine, "
                + "run: hm env " + name);
        out.flush();
        return 0;
    }

    /** The driver's options as the server names them; refuses flags that belong to another driver. */
    private Map<String, String> driverOptions(String chosenDriver) {
        var options = new LinkedHashMap<String, String>();
        boolean genericFlags = ipAddress != null || sshUser != null || sshKey != null || sshPort != null
                || enginePort != null;
        switch (chosenDriver) {
            case "generic" -> {
                if (url != null) {
                    throw preCreate("Error creating machine: --url is the none driver's option; the generic driver "
                            + "takes --generic-ip-address");
                }
                if (ipAddress == null || ipAddress.isBlank()) {
                    throw preCreate("Error setting machine configuration from flags provided: generic driver requires "
                            + "the --generic-ip-address option");
                }
                options.put("ip-address", ipAddress.strip());
                if (sshUser != null) {
                    options.put("ssh-user", sshUser.strip());
                }
                if (sshPort != null) {
                    options.put("ssh-port", Integer.toString(port("--generic-ssh-port", sshPort)));
                }
                if (enginePort != null) {
                    options.put("engine-port", Integer.toString(port("--generic-engine-port", enginePort)));
                }
            }
            case "none" -> {
                if (genericFlags) {
                    throw preCreate("Error creating machine: --generic-* options are the generic driver's; the none "
                            + "driver takes only --url");
                }
                if (url == null || url.isBlank()) {
                    throw preCreate("Error setting machine configuration from flags provided: --url option is "
                            + "required when no driver is selected");
                }
                options.put("url", url.strip());
            }
            default -> {
                if (genericFlags || url != null) {
                    throw preCreate("Error creating machine: the " + chosenDriver + " driver takes none of the "
                            + "generic or none driver's options");
                }
                if (driverFlags != null) {
                    options.putAll(driverFlags.values(spec.commandLine().getParseResult()));
                }
            }
        }
        return options;
    }

    private static int port(String flag, int port) {
        if (port < 1 || port > 65_535) {
            throw preCreate("Error creating machine: " + flag + " must be a port from 1 to 65535; got " + port);
        }
        return port;
    }

    /** The {@code engineOptions} of the request, or null when no engine flag was given (older servers lack it). */
    private Map<String, Object> engineOptions() {
        for (var flag : engineOpts) {
            keyValue("--engine-opt", flag);
        }
        for (var label : engineLabels) {
            keyValue("--engine-label", label);
        }
        for (var san : tlsSans) {
            if (san.isBlank() || san.strip().contains(" ")) {
                throw preCreate("Error creating machine: --tls-san takes a DNS name or an IP address; got '" + san
                        + "'");
            }
        }
        if (engineInstallUrl != null) {
            try {
                var uri = new URI(engineInstallUrl.strip());
                var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                    throw new java.net.URISyntaxException(engineInstallUrl, "not an http(s) URL");
                }
            } catch (java.net.URISyntaxException e) {
                throw preCreate("Error creating machine: --engine-install-url must be an http(s) URL like "
                        + "https://get.docker.com; got '" + engineInstallUrl + "'");
            }
        }
        if (engineOpts.isEmpty() && engineLabels.isEmpty() && engineInstallUrl == null && tlsSans.isEmpty()) {
            return null;
        }
        var engine = new LinkedHashMap<String, Object>();
        engine.put("flags", List.copyOf(engineOpts));
        engine.put("labels", List.copyOf(engineLabels));
        if (engineInstallUrl != null) {
            engine.put("installUrl", engineInstallUrl.strip());
        }
        engine.put("tlsSans", tlsSans.stream().map(String::strip).toList());
        return engine;
    }

    private static void keyValue(String flag, String value) {
        if (value.indexOf('=') <= 0) {
            throw preCreate("Error creating machine: " + flag + " takes KEY=VALUE; got '" + value + "'");
        }
    }

    /**
     * The private key's text. Messages name the file, never its content; docker-machine's pre-create check words
     * the missing file.
     */
    static String readKey(Workstation workstation, String option) {
        var path = option.startsWith("~/") ? workstation.home().resolve(option.substring(2)) : Path.of(option);
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw preCreate(preCheck("SSH key " + path + " is a directory; give the private key file"));
            }
            if (Files.size(path) > MAX_SSH_KEY_LENGTH) {
                throw preCreate(preCheck("SSH key " + path + " is larger than " + MAX_SSH_KEY_LENGTH
                        + " bytes; is it a private key?"));
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw preCreate(preCheck("SSH key does not exist: " + goQuoted(path.toString())));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw preCreate(preCheck("cannot read the SSH key " + path + " (" + e.getClass().getSimpleName() + ")"));
        }
        var trimmed = text.strip();
        if (trimmed.contains("PUBLIC KEY") || trimmed.startsWith("ssh-") || trimmed.startsWith("ecdsa-")) {
            throw preCreate(preCheck("SSH key " + path + " is a public key; give the private key (the file without "
                    + ".pub)"));
        }
        if (!(trimmed.startsWith("-----BEGIN ") && trimmed.contains("PRIVATE KEY-----"))) {
            throw preCreate(preCheck("SSH key " + path + " is not a private key in OpenSSH or PEM format"));
        }
        return text;
    }

    /** docker-machine's {@code ErrDuringPreCreate}: {@code Error with pre-create check: "…"}, the cause Go-quoted. */
    private static String preCheck(String cause) {
        return "Error with pre-create check: " + goQuoted(cause);
    }

    private static String goQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String teamId(HarbormasterClient client) {
        if (team != null && !team.isBlank()) {
            try {
                return Teams.id(client, team);
            } catch (io.harbormaster.cli.server.ServerRefusal refusal) {
                throw refusal;
            } catch (HmException notMine) {
                throw preCreate("Error creating machine: " + notMine.getMessage());
            }
        }
        var mine = Teams.mine(client);
        if (mine.size() == 1) {
            return mine.getFirst().teamId();
        }
        throw preCreate("Error creating machine: " + (mine.isEmpty() ? Teams.listing(mine)
                : "choose the team with --team; " + Teams.listing(mine)));
    }

    private static HmException preCreate(String message) {
        return new HmException(message, PRE_CREATE);
    }
}
