package io.harbormaster.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final Map<String, Object> HOST = map(
            "Name", "web-1",
            "Driver", map("IPAddress", "10.0.0.5", "SSHPort", 22, "SwarmMaster", false, "SSHKeyPath", ""),
            "HostOptions", map("EngineOptions", map("Labels", List.of("env=prod", "tier=web"), "Dns", null)));

    private static String run(String template, Object data) {
        return GoTemplate.parse(template).execute(data);
    }

    @Test
    void textIsPrintedAsItIs() {
        assertThat(run("plain text, no actions", HOST)).isEqualTo("plain text, no actions");
        assertThat(run("", HOST)).isEmpty();
    }

    @Test
    void fieldsAndNestedFields() {
        assertThat(run("{{.Name}} at {{.Driver.IPAddress}}:{{ .Driver.SSHPort }}", HOST))
                .isEqualTo("web-1 at 10.0.0.5:22");
        assertThat(run("{{.Driver.SwarmMaster}}|{{.Driver.SSHKeyPath}}|", HOST)).isEqualTo("false||");
    }

    @Test
    void missingKeysAndNullsPrintNoValueAsGoDoes() {
        assertThat(run("{{.Nope}} {{.Driver.Nope}} {{.Nope.Deeper}} {{.HostOptions.EngineOptions.Dns}}", HOST))
                .isEqualTo("<no value> <no value> <no value> <no value>");
    }

    @Test
    void mapsAndListsPrintLikeGosFmt() {
        assertThat(run("{{.HostOptions.EngineOptions.Labels}}", HOST)).isEqualTo("[env=prod tier=web]");
        assertThat(run("{{.Driver}}", HOST)).isEqualTo("map[IPAddress:10.0.0.5 SSHKeyPath: SSHPort:22 SwarmMaster:false]");
        assertThat(run("{{.HostOptions}}", HOST)).isEqualTo("map[EngineOptions:map[Dns:<nil> Labels:[env=prod tier=web]]]");
    }

    @Test
    void jsonSortsKeysLikeGosMarshalOfAMap() {
        assertThat(run("{{json .Driver}}", HOST))
                .isEqualTo("{\"IPAddress\":\"10.0.0.5\",\"SSHKeyPath\":\"\",\"SSHPort\":22,\"SwarmMaster\":false}");
        assertThat(run("{{.Driver | json}}", HOST)).isEqualTo(run("{{json .Driver}}", HOST));
        assertThat(run("{{json .Name}}", HOST)).isEqualTo("\"web-1\"");
        assertThat(run("{{json .Nope}}", HOST)).isEqualTo("null");
    }

    @Test
    void prettyJsonIndentsWithFourSpaces() {
        assertThat(run("{{prettyjson .HostOptions}}", HOST)).isEqualTo("""
                {
                    "EngineOptions": {
                        "Dns": null,
                        "Labels": [
                            "env=prod",
                            "tier=web"
                        ]
                    }
                }""");
    }

    @Test
    void dotIsTheWholeData() {
        assertThat(run("{{.}}", "text")).isEqualTo("text");
        assertThat(run("{{json .}}", map("b", 1, "a", List.of()))).isEqualTo("{\"a\":[],\"b\":1}");
    }

    @Test
    void stringLiteralsWithEscapesAndRawStrings() {
        assertThat(run("{{.Name}}{{\"\\t\"}}{{.Driver.IPAddress}}", HOST)).isEqualTo("web-1\t10.0.0.5");
        assertThat(run("{{`a\\tb`}}", HOST)).isEqualTo("a\\tb");
        assertThat(run("{{\"}}\"}}", HOST)).isEqualTo("}}");
    }

    @Test
    void trimMarkersEatTheSpaceNextToThem() {
        assertThat(run("a   {{- .Name -}}   b", HOST)).isEqualTo("aweb-1b");
        assertThat(run("a {{.Name -}}\n b", HOST)).isEqualTo("a web-1b");
    }

    @Test
    void commentsPrintNothing() {
        assertThat(run("a{{/* a comment */}}b", HOST)).isEqualTo("ab");
    }

    @Test
    void numbersReadFromJsonPrintWithoutAFraction() {
        assertThat(run("{{.Port}} {{.Ratio}}", map("Port", 2376.0, "Ratio", 0.5))).isEqualTo("2376 0.5");
    }

    @Test
    void fieldsListsTheChainsUsed() {
        assertThat(GoTemplate.parse("{{.Name}} {{json .Driver.IPAddress}} {{.}}").fields())
                .extracting(GoTemplate.FieldUse::names)
                .containsExactly(List.of("Name"), List.of("Driver", "IPAddress"), List.of());
    }

    @Test
    void controlStructuresAreRefusedWithWhatIsSupported() {
        assertThatThrownBy(() -> GoTemplate.parse("{{if .Name}}x{{end}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("hm does not know {{if .Name}}: hm's templates take fields like {{.Name}}")
                .hasMessageEndingWith("not 'if'");
        for (var unsupported : List.of("{{range .A}}{{end}}", "{{$x := .Name}}", "{{printf \"%s\" .Name}}",
                "{{with .A}}{{end}}", "{{len .A}}", "{{.Name 1}}")) {
            assertThatThrownBy(() -> GoTemplate.parse(unsupported)).as(unsupported)
                    .isInstanceOf(TemplateException.class).hasMessageContaining("hm does not know");
        }
    }

    @Test
    void malformedTemplatesAreRefused() {
        for (var bad : Arrays.asList("{{.Name", "{{}}", "{{json}}", "{{json .A .B}}", "{{.A | .B}}", "{{\"x}}",
                "{{.A..B}}")) {
            assertThatThrownBy(() -> GoTemplate.parse(bad)).as(bad).isInstanceOf(TemplateException.class);
        }
    }

    @Test
    void aFieldOfAStringIsAnExecutionError() {
        assertThatThrownBy(() -> run("{{.Name.First}}", HOST))
                .isInstanceOf(TemplateException.class)
                .hasMessage("executing {{.Name.First}}: can't evaluate field First in type string");
    }

    @Test
    void goJsonEscapesLikeGo() {
        var list = new ArrayList<Object>();
        list.add("<a & b>\n\"q\"\u0001");
        list.add(null);
        list.add(true);
        assertThat(GoJson.compact(list, false)).isEqualTo("[\"\\u003ca \\u0026 b\\u003e\\n\\\"q\\\"\\u0001\",null,true]");
        assertThat(GoJson.indented(map("A", map(), "B", List.of()), "    ", false))
                .isEqualTo("{\n    \"A\": {},\n    \"B\": []\n}");
    }
}
