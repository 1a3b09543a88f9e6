package io.harbormaster.security.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem straight to the response. The security filters and the API's outermost filter answer
 * before Spring MVC (and its message converters) is reached, so the JSON is written here; every text is escaped,
 * as some name the request's method and path.
 */
public final class ProblemJson {

    public static final String TYPE_BASE = "https://harbormaster.dev/problems/";

    private ProblemJson() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        write(response, status, type, title, detail, Map.of());
    }

    /** {@code extra} are further members of the problem object, such as {@code correlationId}. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail,
            Map<String, String> extra) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, type, title, detail, extra));
    }

    /** The problem as JSON text, for a writer other than the response's own (Tomcat's error report). */
    public static String json(int status, String type, String title, String detail, Map<String, String> extra) {
        var json = new StringBuilder("{\"type\":").append(quote(TYPE_BASE + type))
                .append(",\"title\":").append(quote(title))
                .append(",\"status\":").append(status)
                .append(",\"detail\":").append(quote(detail));
        extra.forEach((key, value) -> json.append(',').append(quote(key)).append(':').append(quote(value)));
        return json.append('}').toString();
    }

    static String quote(String text) {
        var quoted = new StringBuilder(text.length() + 2).append('"');
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
