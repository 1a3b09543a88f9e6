package io.harbormaster.standalone;

import static io.harbormaster.standalone.ApiClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live event streams over real HTTP, read line by line with java.net.http as hm reads them: a machine's stream opened
 * right after its creation with {@code after=0} misses nothing of the creation, then shows a stop and a start in
 * order with increasing ids and the state after each entry; reconnecting with {@code Last-Event-ID} sends only what
 * came later; heartbeats keep an idle stream alive and a client that goes away is forgotten; a token works like
 * Basic; a stranger gets 404 like the history; a team's stream carries its machines' entries.
 */
class LiveEventStreamIntegrationTest {

    private static final String PASSWORD = "stream-password-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;
    private static String team;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase("--harbormaster.events.heartbeat-interval=1s");
        var admin = platform.admin();
        team = admin.post("/api/teams", "{\"name\":\"streams\"}").text("teamId");
        for (var user : List.of("sam:MEMBER", "vera:VIEWER", "stan:")) {
            var name = user.substring(0, user.indexOf(':'));
            var role = user.substring(user.indexOf(':') + 1);
            var id = admin.post("/api/users", "{\"username\":\"%s\",\"displayName\":\"%s\"}".formatted(name, name))
                    .text("userId");
            assertThat(admin.put("/api/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}").status())
                    .isEqualTo(204);
            if (!role.isEmpty()) {
                assertThat(admin.post("/api/teams/" + team + "/members", """
                        {"userId":"%s","role":"%s"}""".formatted(id, role)).status()).isEqualTo(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String create(String name, int port) {
        var created = platform.as("sam", PASSWORD).post("/api/machines", """
                {"team":"%s","name":"%s","driver":"none","driverOptions":{"url":"tcp://127.0.0.1:%d"}}"""
                .formatted(team, name, port));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return created.text("machineId");
    }

    @Test
    void aMachineStreamFromTheStart_showsCreationStopAndStartInOrder_andResumesAfterLastEventId() throws Exception {
        var id = create("live-1", 41001);

        List<Message> first;
        try (var stream = Stream.open(basic("sam"), "/api/machines/" + id + "/events?after=0", null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            stream.awaitEvent("MachineProvisioned");
            assertThat(platform.as("sam", PASSWORD).post("/api/machines/" + id + "/stop", null).status())
                    .isEqualTo(202);
            stream.awaitEvent("MachineStopped");
            assertThat(platform.as("sam", PASSWORD).post("/api/machines/" + id + "/start", null).status())
                    .isEqualTo(202);
            stream.awaitEvent("MachineStarted");
            first = stream.messages;
        }

        assertThat(first).extracting(Message::event).containsSubsequence("MachineCreated", "MachineProvisioned",
                "MachineStopRequested", "MachineStopped", "MachineStartRequested", "MachineStarted");
        assertThat(first.getFirst().event()).isEqualTo("MachineCreated");
        var ids = first.stream().map(Message::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        var history = platform.as("sam", PASSWORD).get("/api/machines/" + id + "/history");
        var historyIds = new ArrayList<String>();
        history.json().path("items").forEach(item -> historyIds.add(item.path("eventId").asString()));
        assertThat(first).extracting(m -> m.data().path("eventId").asString())
                .containsExactlyInAnyOrderElementsOf(historyIds);
        var stopped = first.stream().filter(m -> m.event().equals("MachineStopped")).findFirst().orElseThrow();
        assertThat(stopped.data().path("state").asString()).isEqualTo("Stopped");
        assertThat(stopped.data().path("machineId").asString()).isEqualTo(id);
        assertThat(stopped.data().path("actorName").asString()).isNotBlank();
        assertThat(stopped.data().path("summary").asString()).isNotBlank();
        assertThat(first.stream().filter(m -> m.event().equals("MachineStopRequested")).findFirst().orElseThrow()
                .data().path("state").asString()).isEqualTo("Stopping");
        assertThat(first.getLast().data().path("state").asString()).isEqualTo("Running");

        // reconnect as an SSE client does after a drop: only what came after the last message it had
        try (var resumed = Stream.open(basic("sam"), "/api/machines/" + id + "/events", stopped.id())) {
            resumed.awaitEvent("MachineStarted");
            assertThat(resumed.messages).extracting(Message::event)
                    .containsExactly("MachineStartRequested", "MachineStarted");
            assertThat(Long.parseLong(resumed.messages.getFirst().id())).isGreaterThan(Long.parseLong(stopped.id()));
        }
    }

    @Test
    void withoutACursor_aStreamShowsOnlyWhatHappensFromNow_andWorksWithABearerToken() throws Exception {
        var id = create("live-2", 41002);
        await(() -> platform.as("sam", PASSWORD).get("/api/machines/" + id), r -> "Running".equals(r.text("state")));
        var token = platform.as("sam", PASSWORD).post("/api/tokens", "{\"name\":\"stream\"}").text("token");

        try (var stream = Stream.open("Bearer " + token, "/api/machines/" + id + "/events", null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(platform.as("sam", PASSWORD).post("/api/machines/" + id + "/stop", null).status())
                    .isEqualTo(202);
            stream.awaitEvent("MachineStopped");
            assertThat(stream.messages).extracting(Message::event)
                    .containsExactly("MachineStopRequested", "MachineStopped");
        }
    }

    @Test
    void aTeamStream_carriesItsMachinesEntries_andHeartbeatsWhileIdle() throws Exception {
        try (var stream = Stream.open(basic("vera"), "/api/teams/" + team + "/events", null)) {
            assertThat(stream.status).isEqualTo(200);
            stream.awaitLine(line -> line.startsWith(":"));
            var id = create("live-3", 41003);
            var created = stream.awaitEvent("MachineCreated");
            assertThat(created.data().path("machineId").asString()).isEqualTo(id);
            assertThat(created.data().path("teamId").asString()).isEqualTo(team);
        }
    }

    @Test
    void aClientThatGoesAway_isForgotten() throws Exception {
        var id = create("live-4", 41004);
        var streams = platform.bean(MeterRegistry.class).get("harbormaster.event.streams").gauge();
        awaitOpenStreams(streams, 0);   // the other tests' closed streams are gone by their next heartbeat
        var stream = Stream.open(basic("sam"), "/api/machines/" + id + "/events?replay=true", null);
        stream.awaitEvent("MachineCreated");
        assertThat(streams.value()).isEqualTo(1);

        stream.close();

        awaitOpenStreams(streams, 0);
    }

    private static void awaitOpenStreams(io.micrometer.core.instrument.Gauge streams, int expected)
            throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streams.value() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(streams.value()).as("open streams; a closed one is dropped at its next heartbeat")
                .isEqualTo(expected);
    }

    @Test
    void strangersGet404LikeTheHistory_andABadCursorIs400() throws Exception {
        var id = create("live-5", 41005);
        await(() -> platform.as("sam", PASSWORD).get("/api/machines/" + id), r -> r.status() == 200);

        assertThat(platform.as("stan", PASSWORD).get("/api/machines/" + id + "/history").status()).isEqualTo(404);
        var stranger = platform.as("stan", PASSWORD).get("/api/machines/" + id + "/events");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        assertThat(platform.as("stan", PASSWORD).get("/api/teams/" + team + "/events").status()).isEqualTo(404);
        assertThat(platform.anonymous().get("/api/machines/" + id + "/events").status()).isEqualTo(401);
        var badCursor = platform.as("sam", PASSWORD).get("/api/machines/" + id + "/events?after=yesterday");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.text("detail")).contains("after must be a cursor");
        var head = platform.as("sam", PASSWORD).get("/api/machines/" + id + "/events");
        assertThat(head.status()).as("a client that reads only the answer's head gets it at once").isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/event-stream");
        try (var viewer = Stream.open(basic("vera"), "/api/machines/" + id + "/events?after=0", null)) {
            assertThat(viewer.status).as("viewers read the history, so the stream too").isEqualTo(200);
            viewer.awaitEvent("MachineCreated");
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** One server-sent event: its id, its event name and its data parsed as JSON. */
    record Message(String id, String event, JsonNode data) {
    }

    /** An open stream, read line by line on a thread of its own. */
    static final class Stream implements AutoCloseable {

        final int status;
        final String contentType;
        final List<Message> messages = new ArrayList<>();
        private final InputStream body;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Stream(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.body = response.body();
            Thread.ofVirtual().start(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // closed by the test
                }
            });
        }

        static Stream open(String authorization, String path, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                    .header("Authorization", authorization).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            return new Stream(HttpClient.newHttpClient().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }

        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                var line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("no such line within 20 s");
        }

        /** Reads messages until one named {@code event}; every message read is kept in {@link #messages}. */
        Message awaitEvent(String event) throws InterruptedException {
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String id = null;
            String name = null;
            String data = null;
            while (System.nanoTime() < deadline) {
                var line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    assertThat(data).as("data is one line").isNull();
                    data = line.substring(5).strip();
                } else if (line.isEmpty() && data != null) {
                    var message = new Message(id, name, JSON.readTree(data));
                    messages.add(message);
                    if (event.equals(name)) {
                        return message;
                    }
                    id = null;
                    name = null;
                    data = null;
                }
            }
            throw new AssertionError("no " + event + " within 20 s; got " + messages);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
