package io.harbormaster.cli.machine;

import io.harbormaster.cli.HmCommand;
import io.harbormaster.cli.HmException;
import io.harbormaster.cli.template.GoJson;
import io.harbormaster.cli.template.GoTemplate;
import io.harbormaster.cli.template.TemplateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code hm inspect}: docker-machine's {@code inspect}, the machine in docker-machine's JSON (see
 * {@link InspectDocument}) indented with four spaces, or run through a Go template with {@code -f}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Inspect information about a machine",
        footer = {"", "Examples:", "  hm inspect web-1",
                "  hm inspect -f '{{.Driver.IPAddress}}' web-1",
                "  hm inspect -f '{{json .HostOptions.EngineOptions.Labels}}' web-1",
                "  hm inspect -f '{{.Harbormaster.Team}}/{{.Name}} held by {{.Harbormaster.Holder}}' web-1"})
public class InspectCommand implements Runnable {

    @ParentCommand
    private HmCommand hm;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The machine (TEAM/NAME when the name is in two "
            + "of your teams); default: " + MachineResolver.DEFAULT_MACHINE)
    private String name;

    @Option(names = {"-f", "--format"}, paramLabel = "TEMPLATE",
            description = "Format the output using the given Go template (fields, \"text\", json, prettyjson)")
    private String format;

    @Override
    public void run() {
        GoTemplate template = null;
        if (format != null && !format.isEmpty()) {
            try {
                template = GoTemplate.parse(format);
            } catch (TemplateException e) {
                throw new HmException("template parsing error: " + e.getMessage());
            }
        }
        var document = InspectDocument.of(MachineResolver.resolve(hm.connect(), name));
        String text;
        if (template == null) {
            text = GoJson.indented(document, "    ", false);
        } else {
            try {
                text = template.execute(document);
            } catch (TemplateException e) {
                throw new HmException("template: " + e.getMessage());
            }
        }
        var out = spec.commandLine().getOut();
        out.println(text);
        out.flush();
    }
}
