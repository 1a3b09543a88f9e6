package io.harbormaster.cli;

import static io.harbormaster.cli.MachineFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.cli.VerbServer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HmVersionTest {

    private final VerbServer server = new VerbServer();
    private final Map<String, String> signedIn = Map.of("HM_URL", server.url(), "HM_TOKEN", "t0k3n");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsTheServersBuildVersionWhenItReportsOne() {
        server.on("GET", "/actuator/info", Answer.json("{\"build\":{\"version\":\"0.1.0\"}}"));

        var result = Hm.run(signedIn, "version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("hm version dev\nServer: Harbormaster 0.1.0 at " + server.url() + "\n");
    }

    @Test
    void fallsBackToTheApiDescriptionsVersionButNotSpringdocsPlaceholder() {
        server.on("GET", "/actuator/info", Answer.problem(403, "Platform admins only"));
        server.on("GET", "/v3/api-docs", Answer.json("{\"openapi\":\"3.1.0\",\"info\":{\"version\":\"0.2.0\"}}"));

        assertThat(Hm.run(signedIn, "version").out()).endsWith("Server: Harbormaster 0.2.0 at " + server.url() + "\n");

        server.on("GET", "/v3/api-docs", Answer.json("{\"info\":{\"title\":\"OpenAPI definition\",\"version\":\"v0\"}}"));
        assertThat(Hm.run(signedIn, "version").out()).isEqualTo("hm version dev\nServer: unknown (Harbormaster at "
                + server.url() + " does not report its version)\n");
    }

    @Test
    void aServerThatIsDownOrNoLoginIsUnknownWithTheReasonNotAFailure() {
        var url = server.url();
        server.close();

        var down = Hm.run(Map.of("HM_URL", url), "version");
        assertThat(down.exitCode()).isZero();
        assertThat(down.out()).startsWith("hm version dev\nServer: unknown (Cannot reach Harbormaster at " + url
                + ": connection refused.");

        var nowhere = Hm.run(Map.of(), "version");
        assertThat(nowhere.exitCode()).isZero();
        assertThat(nowhere.out()).startsWith("hm version dev\nServer: unknown (Not logged in. Run: hm login URL");
    }

    @Test
    void clientOnlyNeverGoesOnline() {
        var result = Hm.run(signedIn, "version", "--client");

        assertThat(result.out()).isEqualTo("hm version dev\n");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aMachinesDockerVersionLikeDockerMachineVersionName() {
        server.on("GET", "/api/machines/by-name\\?name=web-1", machine("web-1").answer());

        assertThat(Hm.run(signedIn, "version", "web-1").out()).isEqualTo("27.3.1\n");
    }
}
