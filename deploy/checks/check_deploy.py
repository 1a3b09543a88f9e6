"""Checks of deploy/ that no tool here makes: what the Helm chart renders, that the compose file and HAProxy agree,
and that every setting the artefacts pass to Harbormaster exists in the platform. Run by deploy/check.

    python3 check_deploy.py chart
    python3 check_deploy.py compose RESOLVED_COMPOSE.yaml    (the output of `docker-compose config`)
    python3 check_deploy.py settings
    python3 check_deploy.py dockerfile
"""

import re
import sys
from pathlib import Path

import yaml

import render_chart

DEPLOY = Path(__file__).resolve().parent.parent
REPO = DEPLOY.parent
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def finish(what):
    if failures:
        for failure in failures:
            print(f"FAIL {what}: {failure}")
        sys.exit(1)
    print(f"ok {what}")


# ---------------------------------------------------------------------------------------------------------- chart

FLEET = {  # what a bigger fleet would set, and the optional parts of the templates
    "replicaCount": 3,
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}},
    "podDisruptionBudget": {"enabled": True, "maxUnavailable": 1},
    "image": {"tag": "1.2.3"},
    "imagePullSecrets": [{"name": "registry"}],
    "extraEnv": [{"name": "HARBORMASTER_RECONCILER_INTERVAL", "value": "60s"}],
    "nodeSelector": {"kubernetes.io/os": "linux"},
}


def by_kind(documents):
    kinds = {}
    for name, docs in documents.items():
        for doc in docs:
            check(isinstance(doc, dict) and {"apiVersion", "kind", "metadata"} <= doc.keys(),
                  f"{name}: a document without apiVersion, kind and metadata: {doc!r}")
            check(bool(doc.get("metadata", {}).get("name")), f"{name}: {doc.get('kind')} without a name")
            kinds.setdefault(doc.get("kind"), []).append(doc)
    return kinds


def check_rendering(label, override):
    documents, values, chart = render_chart.render(DEPLOY / "helm" / "harbormaster", override)
    kinds = by_kind(documents)
    expected = {"ConfigMap", "Deployment", "Service"} | ({"PodDisruptionBudget"}
                                                           if values["podDisruptionBudget"]["enabled"] else set())
    check(set(kinds) == expected, f"{label}: renders {sorted(kinds)}, expected {sorted(expected)}")
    for kind in kinds:
        check(len(kinds[kind]) == 1, f"{label}: {len(kinds[kind])} {kind} documents")
    deployment, service, configmap = kinds["Deployment"][0], kinds["Service"][0], kinds["ConfigMap"][0]

    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    check(spec["replicas"] == values["replicaCount"], f"{label}: replicas {spec['replicas']}")
    check(spec["strategy"] == values["strategy"], f"{label}: strategy {spec['strategy']}")
    selector = spec["selector"]["matchLabels"]
    check(selector.items() <= spec["template"]["metadata"]["labels"].items(),
          f"{label}: the Deployment's selector {selector} does not select its own pods")
    check(pod["securityContext"].get("runAsNonRoot") is True, f"{label}: pods may run as root")
    containers = pod["containers"]
    check(len(containers) == 1, f"{label}: {len(containers)} containers")
    container = containers[0]
    tag = values["image"]["tag"] or chart["AppVersion"]
    check(container["image"] == f"{values['image']['repository']}:{tag}", f"{label}: image {container['image']}")
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    check(ports == {"http": 8080}, f"{label}: container ports {ports} (the image listens on 8080)")
    probes = {name: container.get(name, {}).get("httpGet", {}) for name in
              ("startupProbe", "readinessProbe", "livenessProbe")}
    check(probes["readinessProbe"].get("path") == "/actuator/health/readiness",
          f"{label}: readiness probe {probes['readinessProbe']}")
    check(probes["livenessProbe"].get("path") == "/actuator/health/liveness",
          f"{label}: liveness probe {probes['livenessProbe']}")
    check(probes["startupProbe"].get("path") == "/actuator/health/liveness",
          f"{label}: startup probe {probes['startupProbe']}")
    for name, probe in probes.items():
        check(probe.get("port") in ports, f"{label}: {name} port {probe.get('port')} is not a container port")
    check(container["readinessProbe"]["timeoutSeconds"] >= 15,
          f"{label}: readiness timeout below 15 s (docs/operations.md: db and secretStore may each take 5 s)")
    resources = container.get("resources", {})
    check(resources.get("requests", {}).get("memory") and resources.get("requests", {}).get("cpu")
          and resources.get("limits", {}).get("memory"), f"{label}: resources {resources}")

    secret_refs = {entry["name"]: entry["valueFrom"]["secretKeyRef"] for entry in container["env"]
                   if "secretKeyRef" in entry.get("valueFrom", {})}
    database, vault = values["database"], values["vault"]
    check(secret_refs == {
        "SPRING_DATASOURCE_USERNAME": {"name": database["existingSecret"], "key": database["usernameKey"]},
        "SPRING_DATASOURCE_PASSWORD": {"name": database["existingSecret"], "key": database["passwordKey"]},
        "HARBORMASTER_SECRETS_VAULT_APPROLE_ROLEID": {"name": vault["existingSecret"], "key": vault["roleIdKey"]},
        "HARBORMASTER_SECRETS_VAULT_APPROLE_SECRETID": {"name": vault["existingSecret"], "key": vault["secretIdKey"]},
    }, f"{label}: secret references {secret_refs}")
    plain = {entry["name"]: entry.get("value") for entry in container["env"] if "value" in entry}
    check(plain == {entry["name"]: entry["value"] for entry in values["extraEnv"]},
          f"{label}: plain env {plain} should be exactly extraEnv")
    check([ref["configMapRef"]["name"] for ref in container["envFrom"]] == [configmap["metadata"]["name"]],
          f"{label}: envFrom does not name the chart's ConfigMap")
    data = configmap["data"]
    check(all(isinstance(value, str) for value in data.values()), f"{label}: ConfigMap values must be strings")
    check(data.get("SPRING_DATASOURCE_URL") == database["url"] and data.get("HARBORMASTER_SECRETS_STORE") == "vault"
          and data.get("HARBORMASTER_SECRETS_VAULT_ADDRESS") == vault["address"],
          f"{label}: ConfigMap {data}")
    check(not any(re.search(r"PASSWORD|SECRETID|TOKEN", key) for key in data),
          f"{label}: a credential in the ConfigMap: {sorted(data)}")
    mounts = {mount["mountPath"] for mount in container["volumeMounts"]}
    check(container["securityContext"].get("readOnlyRootFilesystem") is not True or "/tmp" in mounts,
          f"{label}: read-only root file system without a writable /tmp (Tomcat writes there)")
    check(pod.get("imagePullSecrets", []) == values["imagePullSecrets"], f"{label}: imagePullSecrets")
    check(pod.get("nodeSelector", {}) == values["nodeSelector"], f"{label}: nodeSelector")

    check(service["spec"]["selector"] == selector, f"{label}: the Service selects {service['spec']['selector']}")
    check([port["targetPort"] for port in service["spec"]["ports"]] == ["http"], f"{label}: Service targetPort")
    if "PodDisruptionBudget" in kinds:
        pdb = kinds["PodDisruptionBudget"][0]["spec"]
        check(pdb["selector"]["matchLabels"] == selector, f"{label}: the PodDisruptionBudget selects another set")
        check(pdb.get("maxUnavailable") == values["podDisruptionBudget"]["maxUnavailable"], f"{label}: PDB {pdb}")


def check_renderer_refuses_what_it_cannot_render():
    """The renderer must fail on template language it does not know, or the chart check could pass unrendered."""
    for source in ('{{ range .Values.x }}{{ end }}', '{{ .Values.x | b64enc }}', '{{ $x := 1 }}',
                   '{{ .Values.missing }}', '{{ if .Values.a }}'):
        try:
            renderer = render_chart.Renderer({}, {"x": [1], "a": True}, {})
            nodes, _ = render_chart.parse(render_chart.tokenize(source, "t"), renderer.defines)
            renderer.render_nodes(nodes, renderer.root)
            check(False, f"renderer accepted {source!r}")
        except render_chart.TemplateError:
            pass


def chart():
    check_renderer_refuses_what_it_cannot_render()
    check_rendering("default values", None)
    check_rendering("fleet values", FLEET)
    values = yaml.safe_load((DEPLOY / "helm" / "harbormaster" / "values.yaml").read_text())
    check(values["replicaCount"] >= 2 and values["strategy"].get("rollingUpdate", {}).get("maxUnavailable") == 0
          and values["podDisruptionBudget"]["enabled"],
          "values.yaml: the default is two or more replicas, rolled one at a time, with a disruption budget")
    finish("helm chart (rendered by deploy/checks/render_chart.py, default and fleet values)")


# -------------------------------------------------------------------------------------------------------- compose

def compose(resolved_file):
    resolved = yaml.safe_load(Path(resolved_file).read_text())
    services = resolved["services"]
    nodes = sorted(name for name in services if name.startswith("harbormaster-"))
    check(len(nodes) >= 2, f"compose: only {nodes}")
    haproxy = (DEPLOY / "compose" / "haproxy.cfg").read_text()
    servers = re.findall(r"^\s*server\s+(\S+)\s+(\S+):(\d+)", haproxy, re.MULTILINE)
    backends = len(re.findall(r"^backend\s", haproxy, re.MULTILINE))
    check(sorted(server[0] for server in servers) == sorted(nodes * backends),
          f"haproxy.cfg's servers {[s[0] for s in servers]} are not the compose nodes {nodes} in each of its "
          f"{backends} backends")
    for name, address, port in servers:
        check(address in services and port == "8080", f"haproxy.cfg: {name} at {address}:{port} is no compose node")
    check(re.search(r"http-check send meth GET uri /actuator/health/readiness", haproxy) is not None,
          "haproxy.cfg does not check readiness")
    check(re.search(r"^\s*cookie\s+\S+\s+insert", haproxy, re.MULTILINE) is not None,
          "haproxy.cfg: no cookie affinity, the portal's sessions live in one node")
    balancer = services.get("loadbalancer", {})
    check(any(str(volume).endswith("/usr/local/etc/haproxy/haproxy.cfg:ro") or
              (isinstance(volume, dict) and volume.get("target") == "/usr/local/etc/haproxy/haproxy.cfg")
              for volume in balancer.get("volumes", [])), "compose: HAProxy does not get haproxy.cfg")
    for node in nodes:
        service = services[node]
        check("ports" not in service, f"compose: {node} publishes ports; only the load balancer should")
        environment = service.get("environment", {})
        check(environment.get("SPRING_DATASOURCE_URL", "").startswith("jdbc:postgresql://postgres:"),
              f"compose: {node} does not use the compose PostgreSQL")
        check(environment.get("HARBORMASTER_SECRETS_STORE") == "vault", f"compose: {node} does not use Vault")
        check(node == "harbormaster-1" or "replicas" in service.get("profiles", []),
              f"compose: {node} starts by default; extra nodes are behind the replicas profile")
    finish("compose file and haproxy.cfg agree")


# ----------------------------------------------------------------------------------------------------- dockerfile

def dockerfile():
    """What the image must do that a syntax linter does not know: run as the unprivileged user, check readiness, and
    find its files in a build context that .dockerignore leaves them in."""
    text = (DEPLOY / "container" / "Dockerfile").read_text()
    instructions = [line for line in re.sub(r"\\\n", " ", text).splitlines() if line and not line.startswith("#")]
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    check(users and users[-1].split(":")[0] not in ("root", "0"), f"Dockerfile: the image runs as {users}")
    check(instructions[-1].startswith("ENTRYPOINT") and "exec java $JAVA_OPTS -jar" in instructions[-1],
          "Dockerfile: the entry point must exec java with $JAVA_OPTS (PID 1 gets SIGTERM)")
    healthchecks = [line for line in instructions if line.startswith("HEALTHCHECK")]
    check(len(healthchecks) == 1 and "/opt/harbormaster/bin/hm-ready" in healthchecks[0],
          f"Dockerfile: HEALTHCHECK {healthchecks}")
    check(any(line.startswith("ARG BASE_IMAGE=eclipse-temurin:21-jre") for line in instructions),
          "Dockerfile: base image is not a Java 21 JRE")
    ignore = [line for line in (REPO / ".dockerignore").read_text().splitlines() if line and not line.startswith("#")]
    allowed = {line[1:] for line in ignore if line.startswith("!")}
    check(ignore and ignore[0] == "*", ".dockerignore should exclude everything but what the image needs")
    for line in instructions:
        if line.startswith("COPY "):
            sources = [word for word in line.split()[1:-1] if not word.startswith("--")]
            for source in sources:
                check(source in allowed, f"Dockerfile: COPY {source}, which .dockerignore leaves out of the context")
                check(source.endswith("harbormaster.jar") or (REPO / source).is_file(),
                      f"Dockerfile: COPY {source}, which does not exist")
    finish("Dockerfile: non-root user, readiness HEALTHCHECK, JAVA_OPTS, build context")


# ------------------------------------------------------------------------------------------------------- settings

SPRING_BOOT = {  # Spring Boot's own settings the artefacts use (relaxed binding of spring.*, server.*, management.*)
    "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
    "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "SERVER_FORWARD_HEADERS_STRATEGY", "MANAGEMENT_SERVER_PORT",
}
NOT_SETTINGS = {"JAVA_OPTS", "HM_READY_PORT"}  # read by the start command and hm-ready, not by the platform


def platform_settings():
    """Every harbormaster.* property the sources, application.yml and docs name, in Spring's relaxed form
    (lower case, no dashes), plus the environment variables application.yml reads by name."""
    names, variables = set(), set()
    sources = [*REPO.glob("*/src/main/**/*.java"), *REPO.glob("*/*/src/main/**/*.java"), *REPO.glob("docs/*.md"),
               *REPO.glob("*/src/main/resources/**/*.yml"), *REPO.glob("*/*/src/main/resources/**/*.yml")]
    for source in sources:
        text = source.read_text(errors="replace")
        names.update(match.replace("-", "").lower() for match in re.findall(r"harbormaster(?:\.[\w-]+)+", text))
        variables.update(re.findall(r"\$\{(HARBORMASTER_[A-Z_]+):", text))
    # Nested keys of application.yml (harbormaster: home:) are properties too.
    application = yaml.safe_load((REPO / "infra/standalone/src/main/resources/application.yml").read_text())
    for key in application.get("harbormaster", {}):
        names.add(f"harbormaster.{key}".replace("-", "").lower())
    return names, variables


def used_variables():
    """(file, variable) for every environment variable the artefacts hand to Harbormaster."""
    used = []
    env_example = (DEPLOY / "systemd" / "harbormaster.env.example").read_text()
    used += [("systemd env", name) for name in re.findall(r"^(?:# )?([A-Z][A-Z0-9_]+)=", env_example, re.MULTILINE)]
    unit = (DEPLOY / "systemd" / "harbormaster@.service").read_text()
    used += [("systemd unit", name) for name in re.findall(r"^Environment=([A-Z0-9_]+)=", unit, re.MULTILINE)]
    compose_file = yaml.safe_load((DEPLOY / "compose" / "compose.yaml").read_text())
    used += [("compose", name) for name in compose_file["x-harbormaster"]["environment"]]
    dockerfile = (DEPLOY / "container" / "Dockerfile").read_text()
    env_block = re.search(r"^ENV (.*?)(?=^\S)", dockerfile, re.MULTILINE | re.DOTALL).group(1)
    used += [("Dockerfile", name) for name in re.findall(r"([A-Z][A-Z0-9_]+)=", env_block)]
    documents, _, _ = render_chart.render(DEPLOY / "helm" / "harbormaster", FLEET)
    for docs in documents.values():
        for doc in docs:
            if doc["kind"] == "ConfigMap":
                used += [("helm ConfigMap", name) for name in doc["data"]]
            if doc["kind"] == "Deployment":
                used += [("helm Deployment", entry["name"])
                         for entry in doc["spec"]["template"]["spec"]["containers"][0]["env"]]
    return used


def settings():
    names, variables = platform_settings()
    used = used_variables()
    check(len(used) > 20, f"found only {len(used)} variables in the artefacts: the extraction is broken")
    for where, variable in used:
        if variable in SPRING_BOOT or variable in NOT_SETTINGS or variable in variables:
            continue
        property_name = variable.lower().replace("_", ".")
        check(variable.startswith("HARBORMASTER_") and property_name in names,
              f"{where}: {variable} is no setting of the platform (no {property_name} in the sources or docs)")
    finish(f"settings: {len(used)} environment variables in deploy/ name real settings")


if __name__ == "__main__":
    {"chart": chart, "compose": lambda: compose(sys.argv[2]), "settings": settings,
     "dockerfile": dockerfile}[sys.argv[1]]()
