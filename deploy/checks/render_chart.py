"""Renders the Helm chart in deploy/helm/harbormaster without Helm, and checks what it renders.

No helm binary can be had on this machine (not in Debian's packages, nor on npm or Maven Central), so this renders the
small part of Go's template language that the chart uses: actions on .Values, .Release and .Chart, if/else, with,
define/include, and the functions printf, trunc, trimSuffix, quote, default, toYaml, indent and nindent, with Go's
{{- and -}} whitespace trimming. Anything else in a template (range, another function, a variable) is an error, so a
chart change that outgrows this renderer fails the check instead of passing unrendered. It is not Helm: Sprig's exact
quoting and number formatting, lookup, Capabilities and the Kubernetes schemas are not checked.

    python3 render_chart.py CHART_DIR [VALUES_OVERRIDE.yaml]   prints the rendered manifests
"""

import json
import re
import sys
from pathlib import Path

import yaml

ACTION = re.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.DOTALL)


class TemplateError(Exception):
    pass


def tokenize(source, name):
    """Text and actions, with Go's trim markers applied to the neighbouring text."""
    tokens = []
    position = 0
    trim_next = False
    for match in ACTION.finditer(source):
        text = source[position:match.start()]
        if trim_next:
            text = text.lstrip()
        if match.group(1):
            text = text.rstrip()
        tokens.append(("text", text))
        tokens.append(("action", match.group(2).strip(), name))
        trim_next = bool(match.group(3))
        position = match.end()
    text = source[position:]
    tokens.append(("text", text.lstrip() if trim_next else text))
    return tokens


def parse(tokens, defines, stop=()):
    """A list of nodes up to one of the stop keywords; returns (nodes, keyword that stopped it)."""
    nodes = []
    while tokens:
        token = tokens.pop(0)
        if token[0] == "text":
            nodes.append(token)
            continue
        action, name = token[1], token[2]
        keyword = action.split(None, 1)[0] if action else ""
        if keyword in ("end", "else"):
            if keyword not in stop:
                raise TemplateError(f"{name}: unexpected {{{{ {action} }}}}")
            return nodes, keyword
        if keyword in ("if", "with"):
            body, ended = parse(tokens, defines, ("end", "else"))
            otherwise = []
            if ended == "else":
                otherwise, ended = parse(tokens, defines, ("end",))
            if ended != "end":
                raise TemplateError(f"{name}: {keyword} without end")
            nodes.append((keyword, action[len(keyword):].strip(), body, otherwise, name))
        elif keyword == "define":
            body, ended = parse(tokens, defines, ("end",))
            if ended != "end":
                raise TemplateError(f"{name}: define without end")
            defines[json.loads(action[len("define"):].strip())] = body
        elif keyword in ("range", "template", "block", "break", "continue") or action.startswith(("$", "/*")):
            raise TemplateError(f"{name}: {{{{ {action} }}}} is beyond this renderer; extend it or render with Helm")
        else:
            nodes.append(("action", action, name))
    if stop:
        raise TemplateError(f"missing {{{{ end }}}} (expected one of {stop})")
    return nodes, None


def split_outside(text, separator):
    """Splits at separator characters outside quotes and parentheses."""
    parts, depth, quoted, current = [], 0, False, ""
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        if not quoted and depth == 0 and (char == separator or (separator == " " and char.isspace())):
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]


def truthy(value):
    return value not in (None, False, 0, "", [], {})


def to_yaml(value):
    return yaml.safe_dump(value, default_flow_style=False, sort_keys=False).rstrip("\n")


def indent(width, text):
    return "\n".join(" " * int(width) + line for line in str(text).split("\n"))


class Renderer:
    def __init__(self, chart, values, release):
        self.root = {"Values": values, "Chart": chart, "Release": release}
        self.defines = {}
        self.functions = {
            "include": lambda name, dot: self.render_nodes(self.define(name), dot),
            "printf": lambda fmt, *args: re.sub(r"%[sdv]", "{}", fmt).format(*args),
            "trunc": lambda n, s: str(s)[: int(n)],
            "trimSuffix": lambda suffix, s: str(s)[: -len(suffix)] if str(s).endswith(suffix) else str(s),
            "quote": lambda value: json.dumps(self.scalar(value)),
            "default": lambda fallback, value=None: value if truthy(value) else fallback,
            "toYaml": to_yaml,
            "indent": indent,
            "nindent": lambda width, text: "\n" + indent(width, text),
        }

    def define(self, name):
        if name not in self.defines:
            raise TemplateError(f"include of an unknown template {name!r}")
        return self.defines[name]

    def scalar(self, value):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float, str)):
            return str(value)
        raise TemplateError(f"cannot print {type(value).__name__} {value!r} (use toYaml)")

    def operand(self, token, dot):
        if token.startswith("(") and token.endswith(")"):
            return self.pipeline(token[1:-1], dot)
        if token.startswith('"'):
            return json.loads(token)
        if re.fullmatch(r"-?\d+", token):
            return int(token)
        if token == ".":
            return dot
        if token.startswith("."):
            # Relative to dot, as in Go: inside a with, .Values is gone (the chart would need $.Values).
            value = dot
            for field in token.split(".")[1:]:
                if not isinstance(value, dict) or field not in value:
                    raise TemplateError(f"{token}: no such value (missing {field!r})")
                value = value[field]
            return value
        raise TemplateError(f"unknown operand {token!r}")

    def command(self, text, dot, piped):
        words = split_outside(text, " ")
        if words[0] in self.functions:
            args = [self.operand(word, dot) for word in words[1:]]
            if piped is not _NOTHING:
                args.append(piped)
            return self.functions[words[0]](*args)
        if len(words) != 1 or piped is not _NOTHING:
            raise TemplateError(f"unknown function in {text!r}")
        return self.operand(words[0], dot)

    def pipeline(self, text, dot):
        value = _NOTHING
        for part in split_outside(text, "|"):
            value = self.command(part, dot, value)
        return value

    def render_nodes(self, nodes, dot):
        out = []
        for node in nodes:
            if node[0] == "text":
                out.append(node[1])
            elif node[0] == "action":
                value = self.pipeline(node[1], dot)
                if value is None:
                    raise TemplateError(f"{node[2]}: {{{{ {node[1]} }}}} has no value")
                out.append(self.scalar(value))
            else:
                keyword, condition, body, otherwise = node[0], node[1], node[2], node[3]
                value = self.pipeline(condition, dot)
                if truthy(value):
                    out.append(self.render_nodes(body, value if keyword == "with" else dot))
                else:
                    out.append(self.render_nodes(otherwise, dot))
        return "".join(out)


_NOTHING = object()


def merge(base, override):
    result = dict(base)
    for key, value in (override or {}).items():
        result[key] = merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return result


def render(chart_dir, override=None, release_name="hm"):
    """The rendered documents of every template, as {template file name: [documents]}."""
    chart_dir = Path(chart_dir)
    chart_file = yaml.safe_load((chart_dir / "Chart.yaml").read_text())
    chart = {key[0].upper() + key[1:]: value for key, value in chart_file.items()}
    values = merge(yaml.safe_load((chart_dir / "values.yaml").read_text()), override)
    renderer = Renderer(chart, values, {"Name": release_name, "Namespace": "default", "Service": "Helm"})
    templates = sorted((chart_dir / "templates").iterdir())
    for helper in (path for path in templates if path.name.startswith("_")):
        nodes, _ = parse(tokenize(helper.read_text(), helper.name), renderer.defines)
        if any(node[0] != "text" or node[1].strip() for node in nodes):
            raise TemplateError(f"{helper.name}: only defines belong in a helper file")
    rendered = {}
    for template in (path for path in templates if path.suffix == ".yaml" and not path.name.startswith("_")):
        nodes, _ = parse(tokenize(template.read_text(), template.name), renderer.defines)
        text = renderer.render_nodes(nodes, renderer.root)
        try:
            rendered[template.name] = [doc for doc in yaml.safe_load_all(text) if doc is not None]
        except yaml.YAMLError as e:
            raise TemplateError(f"{template.name} does not render to YAML: {e}\n--- rendered ---\n{text}") from e
    return rendered, values, chart


if __name__ == "__main__":
    override = yaml.safe_load(Path(sys.argv[2]).read_text()) if len(sys.argv) > 2 else None
    documents, _, _ = render(sys.argv[1], override)
    for name, docs in documents.items():
        for doc in docs:
            print(f"---\n# Source: {name}\n{to_yaml(doc)}")
