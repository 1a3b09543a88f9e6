package io.harbormaster.cli;

import io.harbormaster.cli.StubServer.Answer;
import io.harbormaster.cli.StubServer.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Canned answers for the team's verbs, and a stub that answers by method and path. */
final class TeamFixtures {

    static final String TEAM = "7a1d6f0e-0000-4000-8000-000000000001";
    static final String QA_TEAM = "7a1d6f0e-0000-4000-8000-000000000002";
    static final String MACHINE = "3c9e2b10-0000-4000-8000-00000000000a";
    static final String ALICE = "0b6d1f52-0000-4000-8000-0000000000a1";
    static final String BOB = "0b6d1f52-0000-4000-8000-0000000000b2";
    static final String CAROL = "0b6d1f52-0000-4000-8000-0000000000c3";
    static final String DAVE = "0b6d1f52-0000-4000-8000-0000000000d4";

    private TeamFixtures() {
    }

    /** Answers "METHOD /path" (query ignored) with what was set; anything else is a 404 problem. */
    static final class Routes implements Function<Request, Answer> {

        private final Map<String, Function<Request, Answer>> routes = new LinkedHashMap<>();

        Routes on(String methodAndPath, Answer answer) {
            routes.put(methodAndPath, request -> answer);
            return this;
        }

        Routes on(String methodAndPath, Function<Request, Answer> answer) {
            routes.put(methodAndPath, answer);
            return this;
        }

        @Override
        public Answer apply(Request request) {
            var route = routes.get(request.method() + " " + request.uri().getPath());
            return route != null ? route.apply(request) : Answer.problem(404, """
                    {"type":"https://harbormaster.dev/problems/not-found","title":"Not found","status":404,\
                    "detail":"Nothing at %s"}""".formatted(request.uri().getPath()));
        }
    }

    /** {@code GET /api/machines/by-name?name=}: web-1, and a 404 problem for any other name. */
    static Answer webOneByName(Request request) {
        var name = request.uri().getQuery().replaceFirst("^name=([^&]*).*$", "$1");
        return name.equals("web-1") ? Answer.json(machine()) : Answer.problem(404, """
                {"type":"https://harbormaster.dev/problems/not-found","title":"Not found","status":404,\
                "detail":"No machine named '%s' in your teams"}""".formatted(name));
    }

    static Answer noContent() {
        return new Answer(204, "application/json", "");
    }

    /** web-1 of team platform, held by alice, shared with carol (viewer) and team qa (member). */
    static String machine() {
        return """
                {"id":"%s","teamId":"%s","teamName":"platform","name":"web-1","driver":"generic","state":"Running",\
                "holder":"%s","holderName":"alice","dockerUrl":"tcp://10.0.0.5:2376",\
                "shares":[{"grantee":{"kind":"USER","id":"%s"},"granteeName":"carol","role":"VIEWER"},\
                {"grantee":{"kind":"TEAM","id":"%s"},"granteeName":"qa","role":"MEMBER"}],\
                "createdAt":"2026-01-02T03:04:05Z","updatedAt":"2026-01-02T04:04:05Z","version":7}"""
                .formatted(MACHINE, TEAM, ALICE, CAROL, QA_TEAM);
    }

    /** Team platform: alice owner, bob member, dave viewer. */
    static String team() {
        return """
                {"id":"%s","name":"platform","createdAt":"2025-12-01T00:00:00Z","members":[\
                {"userId":"%s","username":"alice","displayName":"Alice Liddell","role":"OWNER","since":"2025-12-01T00:00:00Z"},\
                {"userId":"%s","username":"bob","displayName":"Bob Builder","role":"MEMBER","since":"2025-12-02T10:30:00.123Z"},\
                {"userId":"%s","username":"dave","displayName":null,"role":"VIEWER","since":"2026-01-15T08:00:00Z"}]}"""
                .formatted(TEAM, ALICE, BOB, DAVE);
    }

    static String teams() {
        return """
                {"teams":[{"id":"%s","name":"platform","memberCount":3,"createdAt":"2025-12-01T00:00:00Z"},\
                {"id":"%s","name":"qa","memberCount":12,"createdAt":"2025-12-05T00:00:00Z"}]}"""
                .formatted(TEAM, QA_TEAM);
    }

    static String users() {
        return """
                {"users":[{"id":"%s","username":"alice","displayName":"Alice Liddell","platformAdmin":false},\
                {"id":"%s","username":"bob","displayName":"Bob Builder","platformAdmin":false},\
                {"id":"%s","username":"carol","displayName":"Carol","platformAdmin":false}]}"""
                .formatted(ALICE, BOB, CAROL);
    }

    /** alice, in the given teams ("id:name:ROLE"). */
    static String me(String... teams) {
        var list = new StringBuilder();
        for (var team : teams) {
            var parts = team.split(":");
            list.append(list.isEmpty() ? "" : ",").append("""
                    {"teamId":"%s","name":"%s","role":"%s"}""".formatted(parts[0], parts[1], parts[2]));
        }
        return """
                {"userId":"%s","username":"alice","displayName":"Alice Liddell","platformAdmin":false,\
                "authenticatedBy":"password","token":null,"teams":[%s]}""".formatted(ALICE, list);
    }

    static String entry(String when, String actor, String channel, String action, String subject, String summary) {
        return """
                {"eventId":"e-%s","occurredAt":"%s","teamId":"%s","machineId":"%s","subject":"%s","action":"%s",\
                "summary":"%s","actorId":%s,"actorName":%s,"channel":"%s","clientAddress":"10.1.1.1",\
                "correlationId":"c-1"}""".formatted(when, when, TEAM, MACHINE, subject, action, summary,
                actor == null ? "null" : "\"" + ALICE + "\"", actor == null ? "null" : "\"" + actor + "\"", channel);
    }

    static String auditPage(int page, int size, long total, String... entries) {
        return """
                {"items":[%s],"page":%d,"size":%d,"total":%d}""".formatted(String.join(",", entries), page, size,
                total);
    }

    static Answer forbidden(String detail) {
        return Answer.problem(403, """
                {"type":"https://harbormaster.dev/problems/forbidden","title":"Forbidden","status":403,\
                "detail":"%s"}""".formatted(detail));
    }
}
