package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description, read from {@code /v3/api-docs} of the running platform, is one a developer can build
 * requests from: operation ids named for what they do and unique, no two Java types under one schema name (the
 * create-machine body once showed only {@code name}), every request body's schema has exactly the fields its record
 * has plus an example that fits it, every error typed as a problem detail, and Basic and bearer sign-in described.
 * That the documented success statuses are the real ones is checked by {@link AuthorizationMatrixIntegrationTest},
 * which calls every operation.
 */
class ApiDescriptionIntegrationTest {

    private static RunningPlatform platform;
    private static JsonNode docs;
    private static RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        docs = platform.admin().get("/v3/api-docs").json();
        mappings = platform.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void operationIdsAreUniqueAndNamedForWhatTheyDo() {
        var seen = new HashMap<String, String>();
        var problems = new ArrayList<String>();
        forEachOperation((call, operation) -> {
            var id = operation.path("operationId").asString("");
            if (id.isEmpty() || id.matches(".*_\\d+$")) {
                problems.add(call + " has operation id '" + id + "'");
            }
            var other = seen.put(id, call);
            if (other != null) {
                problems.add(call + " and " + other + " share operation id '" + id + "'");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(seen).containsKeys("createMachine", "createTeam", "issueApiToken", "listMachines", "listTeams");
    }

    @Test
    void noTwoTypesShareASchemaName() {
        var typesByName = new TreeMap<String, Set<String>>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!isApi(info.getPatternValues())) {
                return;
            }
            var types = new ArrayList<Class<?>>();
            Arrays.stream(handler.getMethodParameters()).filter(p -> p.hasParameterAnnotation(RequestBody.class))
                    .forEach(p -> types.add(p.getParameterType()));
            bodyTypes(handler.getMethod().getGenericReturnType(), types);
            for (var type : types) {
                if (type.isRecord()) {
                    typesByName.computeIfAbsent(schemaName(type), name -> new TreeSet<>()).add(type.getName());
                }
            }
        });
        var clashes = new TreeMap<>(typesByName);
        clashes.values().removeIf(types -> types.size() < 2);
        assertThat(clashes).as("schema names used by more than one type").isEmpty();
        assertThat(docs.path("components").path("schemas").propertyNames()).containsAll(typesByName.keySet());
    }

    @Test
    void everyRequestBodyIsItsRecordWithAnExampleThatFits() {
        var problems = new ArrayList<String>();
        var covered = new HashSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var body = requestBody(handler);
            if (body == null || !isApi(info.getPatternValues())) {
                return;
            }
            for (var path : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    var call = method + " " + path;
                    covered.add(call);
                    var content = docs.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT))
                            .path("requestBody").path("content").path("application/json");
                    var schema = resolve(content.path("schema"));
                    var documented = new TreeSet<>(schema.path("properties").propertyNames());
                    var fields = new TreeSet<String>();
                    Arrays.stream(body.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
                    if (!documented.equals(fields)) {
                        problems.add(call + ": documented fields " + documented + ", the request has " + fields);
                    }
                    var example = content.has("example") ? content.path("example") : schema.path("example");
                    if (!example.isObject()) {
                        problems.add(call + ": no example body");
                        continue;
                    }
                    var exampleFields = new TreeSet<>(example.propertyNames());
                    if (!fields.containsAll(exampleFields)) {
                        problems.add(call + ": the example has fields the request does not: " + exampleFields);
                    }
                    schema.path("required").forEach(required -> {
                        if (!exampleFields.contains(required.asString())) {
                            problems.add(call + ": the example leaves out required " + required.asString());
                        }
                    });
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(covered).contains("POST /api/machines", "POST /api/teams", "POST /api/tokens",
                "PUT /api/users/{userId}/password");
        forEachOperation((call, operation) -> {
            if (operation.has("requestBody")) {
                assertThat(covered).as("request bodies checked").contains(call);
            }
        });
    }

    @Test
    void everyErrorIsAProblemDetailAndEveryOperationHasItsSuccess() {
        var problems = new ArrayList<String>();
        forEachOperation((call, operation) -> {
            var statuses = operation.path("responses").propertyNames();
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                problems.add(call + " documents no success");
            }
            for (var status : statuses) {
                var content = operation.path("responses").path(status).path("content");
                if (status.startsWith("2")) {
                    if (content.has("application/problem+json")) {
                        problems.add(call + " " + status + " is typed as a problem");
                    }
                    continue;
                }
                var types = new TreeSet<>(content.propertyNames());
                var ref = content.path("application/problem+json").path("schema").path("$ref").asString("");
                if (!types.equals(new TreeSet<>(Set.of("application/problem+json")))
                        || !ref.equals("#/components/schemas/ProblemDetail")) {
                    problems.add(call + " " + status + " is " + types + " " + ref);
                }
            }
        });
        assertThat(problems).isEmpty();
        var problem = docs.path("components").path("schemas").path("ProblemDetail").path("properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "errors", "correlationId");
    }

    @Test
    void basicAndBearerSignInAreDescribed() {
        var schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("bearer").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        var required = new TreeSet<String>();
        docs.path("security").forEach(requirement -> required.addAll(requirement.propertyNames()));
        assertThat(required).containsExactly("basic", "bearer");
    }

    private interface OperationVisitor {
        void visit(String call, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        var paths = docs.path("paths");
        for (var path : paths.propertyNames()) {
            for (var method : paths.path(path).propertyNames()) {
                visitor.visit(method.toUpperCase(Locale.ROOT) + " " + path, paths.path(path).path(method));
            }
        }
    }

    private static boolean isApi(Set<String> patterns) {
        return patterns.stream().anyMatch(pattern -> pattern.startsWith("/api/"));
    }

    private static Class<?> requestBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                .map(MethodParameter::getParameterType)
                .findFirst().orElse(null);
    }

    /** The classes a return type puts in a body: {@code ResponseEntity<T>}, {@code List<T>} and {@code T}. */
    private static void bodyTypes(Type type, List<Class<?>> into) {
        if (type instanceof Class<?> plain) {
            into.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            if (raw == ResponseEntity.class || Iterable.class.isAssignableFrom(raw)) {
                Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> bodyTypes(argument, into));
            }
        }
    }

    private static String schemaName(Class<?> type) {
        var schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    private static JsonNode resolve(JsonNode schema) {
        var ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema
                : docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
