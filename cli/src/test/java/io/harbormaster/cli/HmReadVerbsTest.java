package io.harbormaster.cli;

import static io.harbormaster.cli.MachineFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** status, url, ip, active and inspect: docker-machine's output, read from the server. */
class HmReadVerbsTest {

    private final VerbServer server = new VerbServer();
    private final Map<String, String> signedIn = Map.of("HM_URL", server.url(), "HM_TOKEN", "hm_secret_token");

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> env(String... keysAndValues) {
        var env = new HashMap<>(signedIn);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    @Test
    void statusPrintsTheState() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1").with("state", "Stopped").answer());

        var result = Hm.run(signedIn, "status", "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Stopped\n");
        assertThat(result.err()).isEmpty();
        assertThat(server.requests.getFirst().header("Authorization")).isEqualTo("Bearer hm_secret_token");
    }

    @Test
    void withoutANameTheDefaultMachineIsMeantAsInDockerMachine() {
        server.on("GET", "/api/machines/by-name\\?name=default", machine("default").answer());

        assertThat(Hm.run(signedIn, "status").out()).isEqualTo("Running\n");
    }

    @Test
    void teamSlashNameAsksForThatTeamsMachine() {
        server.on("GET", "/api/machines/by-name\\?name=web-1&team=qa", machine("web-1").answer());

        var result = Hm.run(signedIn, "status", "qa/web-1");

        assertThat(result.out()).isEqualTo("Running\n");
        assertThat(server.requests.getFirst().uri().getQuery()).isEqualTo("name=web-1&team=qa");
    }

    @Test
    void anUnknownMachineIsDockerMachinesHostDoesNotExist() {
        server.on("GET", "/api/machines/by-name\\?.*", Answer.problem(404, "No machine named 'nope' in your teams"));

        var result = Hm.run(signedIn, "status", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Host does not exist: \"nope\" (No machine named 'nope' in your teams)\n");
    }

    @Test
    void anAmbiguousNameSaysWhichTeamsHaveIt() {
        server.on("GET", "/api/machines/by-name\\?.*", Answer.problem(409,
                "web-1 is in two of your teams (platform, qa): name it as TEAM/web-1"));

        var result = Hm.run(signedIn, "url", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("web-1 is in two of your teams (platform, qa): name it as TEAM/web-1\n");
    }

    @Test
    void aRevokedTokenIsOneLineAboutTheToken() {
        server.on("GET", "/api/machines/by-name\\?.*", Answer.problem(401, "Bad token"));

        var result = Hm.run(signedIn, "status", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Harbormaster at " + server.url() + " refused the token in HM_TOKEN")
                .doesNotContain("hm_secret_token").endsWith("\n").hasLineCount(1);
    }

    @Test
    void aServerThatIsDownIsOneLine() {
        var url = server.url();
        server.close();

        var result = Hm.run(Map.of("HM_URL", url, "HM_TOKEN", "t"), "url", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Cannot reach Harbormaster at " + url + ": connection refused").hasLineCount(1);
    }

    @Test
    void urlPrintsTheDockerUrl() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1").answer());

        var result = Hm.run(signedIn, "url", "web-1");

        assertThat(result.out()).isEqualTo("tcp://10.0.0.5:2376\n");
    }

    @Test
    void urlOfAMachineStillBeingCreatedSaysSo() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1").with("state", "Creating")
                .with("dockerUrl", null).answer());

        var result = Hm.run(signedIn, "url", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Machine \"web-1\" has no Docker URL yet (state Creating)\n");
    }

    @Test
    void ipPrefersTheReportedAddressThenTheDriverOptionThenTheUrlsHost() {
        server.on("GET", "/api/machines/by-name\\?name=a", machine("a").with("ipAddress", "192.168.1.7").answer());
        server.on("GET", "/api/machines/by-name\\?name=b", machine("b").with("driverOptions", Map.of("ip-address", "10.9.9.9"))
                .answer());
        server.on("GET", "/api/machines/by-name\\?name=c", machine("c").with("driver", "none")
                .with("driverOptions", Map.of("url", "tcp://[fd00::5]:2376")).with("dockerUrl", "tcp://[fd00::5]:2376")
                .answer());

        var result = Hm.run(signedIn, "ip", "a", "b", "c");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("192.168.1.7\n10.9.9.9\nfd00::5\n");
    }

    @Test
    void ipOfAMachineWithoutAnAddressIsDockerMachinesErrorAndTheOthersStillPrint() {
        server.on("GET", "/api/machines/by-name\\?name=a", machine("a").answer());
        server.on("GET", "/api/machines/by-name\\?name=b", machine("b").with("driver", "none").with("driverOptions", Map.of())
                .with("dockerUrl", null).with("state", "Error").answer());

        var result = Hm.run(signedIn, "ip", "a", "b");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("10.0.0.5\n");
        assertThat(result.err()).isEqualTo(
                "Error getting IP address: IP address is not set (machine \"b\", state Error)\n");
    }

    @Test
    void ipWithAnUnknownNameAmongSeveralPrintsNothingLikeDockerMachine() {
        server.on("GET", "/api/machines/by-name\\?name=a", machine("a").answer());
        server.on("GET", "/api/machines/by-name\\?name=x", Answer.problem(404, "No machine named 'x'"));
        server.on("GET", "/api/machines/by-name\\?name=y", Answer.problem(404, "No machine named 'y'"));

        var result = Hm.run(signedIn, "ip", "a", "x", "y");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Host does not exist: \"x\" (No machine named 'x')\n"
                + "Host does not exist: \"y\" (No machine named 'y')\n");
    }

    @Test
    void activeWithoutDockerHostIsNoActiveHostWithoutAskingTheServer() {
        var result = Hm.run(signedIn, "active");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("No active host found\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void activeChecksTheMachineHmEnvNamedFirst() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1").answer());

        var result = Hm.run(env("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_MACHINE_NAME", "web-1"), "active");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("web-1\n");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void activeLooksThroughTheRunningMachinesWhenTheNamedOneIsNotIt() {
        server.on("GET", "/api/machines/by-name\\?name=old", machine("old").with("state", "Stopped").answer());
        server.on("GET", "/api/machines", Answer.json("""
                {"items":[%s,%s],"page":0,"size":500,"total":2}""".formatted(
                machine("web-1").json(), machine("web-2").with("dockerUrl", "tcp://10.0.0.6:2376").json())));

        var result = Hm.run(env("DOCKER_HOST", "tcp://10.0.0.6:2376", "DOCKER_MACHINE_NAME", "old"), "active");

        assertThat(result.out()).isEqualTo("web-2\n");
        assertThat(server.requests("GET", "/api/machines").getFirst().query())
                .isEqualTo("state=Running&page=0&size=500");
    }

    @Test
    void activeWhenNoMachineHasTheUrl() {
        server.on("GET", "/api/machines", Answer.json("""
                {"items":[%s],"page":0,"size":500,"total":1}""".formatted(machine("web-1").json())));

        var result = Hm.run(env("DOCKER_HOST", "tcp://10.0.0.99:2376"), "active");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("No active host found\n");
    }

    @Test
    void inspectIsDockerMachinesHostJsonIndentedWithFourSpaces() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1")
                .with("driverOptions", Map.of("ip-address", "10.0.0.5", "ssh-user", "ubuntu", "ssh-port", "2222"))
                .with("engineOptions", Map.of("flags", List.of("log-level=debug"), "labels", List.of("env=prod"),
                        "installUrl", "https://get.docker.com", "tlsSans", List.of("web.example.com")))
                .with("shares", List.of(Map.of("grantee", Map.of("kind", "USER", "id", "u-2"), "granteeName", "bob",
                        "role", "OPERATOR")))
                .answer());

        var result = Hm.run(signedIn, "inspect", "web-1");

        assertThat(result.exitCode()).isZero();
        var id = machine("web-1").id;
        assertThat(result.out()).isEqualTo("""
                {
                    "ConfigVersion": 3,
                    "Driver": {
                        "IPAddress": "10.0.0.5",
                        "MachineName": "web-1",
                        "SSHUser": "ubuntu",
                        "SSHPort": 2222,
                        "SSHKeyPath": "",
                        "StorePath": "",
                        "SwarmMaster": false,
                        "SwarmHost": "",
                        "SwarmDiscovery": "",
                        "EnginePort": 2376,
                        "SSHKey": ""
                    },
                    "DriverName": "generic",
                    "HostOptions": {
                        "Driver": "",
                        "Memory": 0,
                        "Disk": 0,
                        "EngineOptions": {
                            "ArbitraryFlags": [
                                "log-level=debug"
                            ],
                            "Dns": null,
                            "GraphDir": "",
                            "Env": [],
                            "Ipv6": false,
                            "InsecureRegistry": [],
                            "Labels": [
                                "env=prod"
                            ],
                            "LogLevel": "",
                            "StorageDriver": "",
                            "SelinuxEnabled": false,
                            "TlsVerify": true,
                            "RegistryMirror": [],
                            "InstallURL": "https://get.docker.com"
                        },
                        "SwarmOptions": {
                            "IsSwarm": false,
                            "Address": "",
                            "Discovery": "",
                            "Agent": false,
                            "Master": false,
                            "Host": "tcp://0.0.0.0:3376",
                            "Image": "swarm:latest",
                            "Strategy": "spread",
                            "Heartbeat": 0,
                            "Overcommit": 0,
                            "ArbitraryFlags": [],
                            "ArbitraryJoinFlags": [],
                            "Env": null,
                            "IsExperimental": false
                        },
                        "AuthOptions": {
                            "CertDir": "",
                            "CaCertPath": "",
                            "CaPrivateKeyPath": "",
                            "CaCertRemotePath": "",
                            "ServerCertPath": "",
                            "ServerKeyPath": "",
                            "ClientKeyPath": "",
                            "ServerCertRemotePath": "",
                            "ServerKeyRemotePath": "",
                            "ClientCertPath": "",
                            "ServerCertSANs": [
                                "web.example.com"
                            ],
                            "StorePath": ""
                        }
                    },
                    "Name": "web-1",
                    "Harbormaster": {
                        "Id": "%s",
                        "Team": "platform",
                        "TeamId": "6f1c1d9e-0000-4000-8000-000000000001",
                        "Holder": "alice",
                        "HolderId": "0b6d1f52-7c3e-4a8b-9d2f-1e5a6b7c8d9e",
                        "State": "Running",
                        "DockerUrl": "tcp://10.0.0.5:2376",
                        "DockerVersion": "27.3.1",
                        "LastError": null,
                        "Shares": [
                            {
                                "Kind": "USER",
                                "Id": "u-2",
                                "Name": "bob",
                                "Role": "OPERATOR"
                            }
                        ],
                        "CreatedAt": "2026-01-02T03:04:05Z",
                        "UpdatedAt": "2026-01-02T04:04:05Z"
                    }
                }
                """.formatted(id));
    }

    @Test
    void inspectOfANoneMachineHasItsUrlAndNoSshAndNoPaths() {
        server.on("GET", "/api/machines/by-name\\?name=ext", machine("ext").with("driver", "none")
                .with("driverOptions", Map.of("url", "tcp://203.0.113.9:2376"))
                .with("dockerUrl", "tcp://203.0.113.9:2376").answer());

        var out = Hm.run(signedIn, "inspect", "-f", "{{json .Driver}}", "ext").out();

        assertThat(out).isEqualTo("{\"IPAddress\":\"203.0.113.9\",\"MachineName\":\"ext\",\"SSHKeyPath\":\"\","
                + "\"SSHPort\":0,\"SSHUser\":\"\",\"StorePath\":\"\",\"SwarmDiscovery\":\"\",\"SwarmHost\":\"\","
                + "\"SwarmMaster\":false,\"URL\":\"tcp://203.0.113.9:2376\"}\n");
    }

    @Test
    void inspectFormatRunsAGoTemplate() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1").answer());

        var result = Hm.run(signedIn, "inspect", "--format",
                "{{.Name}}{{\"\\t\"}}{{.Driver.IPAddress}} {{.Harbormaster.Team}} {{.HostOptions.EngineOptions.Labels}}",
                "web-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("web-1\t10.0.0.5 platform []\n");
    }

    @Test
    void inspectWithATemplateHmCannotRunFailsBeforeAskingTheServer() {
        var result = Hm.run(signedIn, "inspect", "-f", "{{range .Shares}}x{{end}}", "web-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("template parsing error: hm does not know {{range .Shares}}");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void everyMachineVerbHasHelpWithAnExample() {
        for (var verb : List.of("status", "url", "ip", "active", "inspect")) {
            var result = Hm.run(Map.of(), verb, "--help");
            assertThat(result.exitCode()).as(verb).isZero();
            assertThat(result.out()).as(verb).contains("Usage: hm " + verb).containsPattern("Examples?:");
        }
    }
}
