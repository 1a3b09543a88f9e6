package io.harbormaster.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's outermost filter, with Spring's mock servlet objects: what reaches a client when nothing else answers. */
class ApiProblemFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiProblemFilter filter = new ApiProblemFilter(1024);

    @Test
    void anExceptionNobodyHandled_isA500ProblemWithTheCorrelationIdAndNothingInternal() throws Exception {
        var response = new MockHttpServletResponse();
        FilterChain failing = (request, answer) -> {
            ((HttpServletResponse) answer).setHeader("X-Correlation-Id", "corr-42");
            throw new IllegalStateException("jdbc:postgresql://db/secret failed");
        };
        filter.doFilter(request("POST", "/api/tokens"), response, failing);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        var problem = problem(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://harbormaster.dev/problems/internal-error");
        assertThat(problem.path("correlationId").asString()).isEqualTo("corr-42");
        assertThat(response.getContentAsString()).doesNotContain("postgresql", "secret", "Exception");
    }

    @Test
    void aRequestWithoutCorrelationIdGetsOneInTheProblemAndTheHeader() throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request("GET", "/api/x"), response, (request, answer) -> {
            throw new IllegalStateException("boom");
        });
        assertThat(problem(response).path("correlationId").asString())
                .isNotBlank().isEqualTo(response.getHeader("X-Correlation-Id"));
    }

    @Test
    void sendErrorOf405_isAProblemNamingTheAllowedMethods() throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request("PATCH", "/api/machines"), response, (request, answer) -> {
            var http = (HttpServletResponse) answer;
            http.setHeader("Allow", "GET, POST");
            http.sendError(405);
        });
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("GET, POST");
        assertThat(response.getErrorMessage()).as("no container error page").isNull();
        var problem = problem(response);
        assertThat(problem.path("type").asString()).endsWith("/method-not-allowed");
        assertThat(problem.path("detail").asString()).contains("PATCH is not allowed on /api/machines; allowed: GET, POST");
    }

    @Test
    void aPathWithQuotesIsEscapedInTheProblem() throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request("GET", "/api/\"x\\y"), response, (request, answer) ->
                ((HttpServletResponse) answer).sendError(404));
        assertThat(problem(response).path("detail").asString()).contains("GET /api/\"x\\y");
    }

    @Test
    void bodiesOverTheLimitAre413UnreadDeclaredOrChunked() throws Exception {
        FilterChain mustNotRun = (request, answer) -> {
            throw new AssertionError("the chain ran");
        };
        var declared = request("POST", "/api/teams");
        declared.setContent(new byte[1025]);
        var response = new MockHttpServletResponse();
        filter.doFilter(declared, response, mustNotRun);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(problem(response).path("type").asString()).endsWith("/body-too-large");

        var chunked = new MockHttpServletRequest("POST", "/api/teams") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContent(new byte[2048]);
        var chunkedResponse = new MockHttpServletResponse();
        filter.doFilter(chunked, chunkedResponse, mustNotRun);
        assertThat(chunkedResponse.getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsPassedOnWhole() throws Exception {
        var body = "{\"name\":\"web\"}".getBytes(StandardCharsets.UTF_8);
        var chunked = new MockHttpServletRequest("POST", "/api/teams") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContent(body);
        var seen = new byte[1][];
        filter.doFilter(chunked, new MockHttpServletResponse(), (request, answer) ->
                seen[0] = request.getInputStream().readAllBytes());
        assertThat(seen[0]).isEqualTo(body);
    }

    private static MockHttpServletRequest request(String method, String uri) {
        var request = new MockHttpServletRequest(method, uri);
        request.setRequestURI(uri);
        return request;
    }

    private static JsonNode problem(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
