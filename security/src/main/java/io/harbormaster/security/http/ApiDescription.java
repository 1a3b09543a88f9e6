package io.harbormaster.security.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation of the OpenAPI description shares and no controller states itself: how to sign in (HTTP
 * Basic or a personal API token as a bearer token; Swagger UI offers both under Authorize), the problem detail every
 * error answers with, typed {@code application/problem+json}, and the 401 of a call without valid credentials.
 */
final class ApiDescription implements OpenApiCustomizer {

    static final String PROBLEM = "ProblemDetail";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI api) {
        var components = api.getComponents();
        components.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user name and password, as for the portal."));
        components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A personal API token from POST /api/tokens."));
        api.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList("basic"),
                new SecurityRequirement().addList("bearer"))));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.startsWith("/api/")) {
                typeErrors(operation);
            }
        }));
    }

    private static void typeErrors(Operation operation) {
        var responses = operation.getResponses();
        if (!responses.containsKey("401")) {
            responses.addApiResponse("401", new ApiResponse().description("Not signed in, or the credentials are "
                    + "wrong"));
        }
        responses.forEach((status, response) -> {
            if (!status.startsWith("2") && !status.startsWith("3")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /** RFC 9457's members and the two this API adds. */
    private static Schema<?> problemSchema() {
        var error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, e.g. name or driverOptions.url"))
                .addProperty("message", new StringSchema().description("What is wrong, e.g. at most 63 characters"));
        var schema = new ObjectSchema()
                .description("RFC 9457 problem details; switch on type, show detail to people.")
                .addProperty("type", new StringSchema().format("uri")
                        .example("https://harbormaster.dev/problems/invalid-command"))
                .addProperty("title", new StringSchema().example("Invalid command"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema()
                        .example("The request has invalid fields: name: at most 63 characters. Correct them and "
                                + "send it again."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(error)
                        .description("One entry per invalid field (400 only)"))
                .addProperty("correlationId", new StringSchema()
                        .description("With a 500: give it to an administrator; the server's log has it"));
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }
}
