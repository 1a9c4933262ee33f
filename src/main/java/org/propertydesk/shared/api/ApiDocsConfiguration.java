package org.propertydesk.shared.api;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
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

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /v3/api-docs}) and its Swagger UI ({@code /swagger-ui/index.html}),
 * both served from the application itself (no CDN) to logged-in staff. Every operation needs a bearer token except
 * the token endpoint; in the UI, "Authorize" takes the {@code accessToken}. The error answers every client must handle
 * are documented once here, as the {@code Problem} schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI propertyDeskOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("PropertyDesk API")
                        .version("v1")
                        .description("""
                                JSON API for mobile apps, WeChat mini-programs and call-centre systems, with the same \
                                permissions as the pages. Get a token with `POST /api/v1/auth/token` and send it as \
                                `Authorization: Bearer …`. Property names are camelCase; instants are ISO-8601 with \
                                offset (in the sites' display zone). Errors are RFC 9457 problem details \
                                (`application/problem+json`) with a `type` like `urn:propertydesk:problem:validation`, \
                                a translated `title` and `detail` (`Accept-Language`: zh-CN by default, or en), and, for \
                                invalid input, `errors`: [{`field`, `message`}]. Requests carry their `version` as `ETag`; \
                                send it back in `If-Match` to refuse a change to a request someone else has changed (412)."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem answers to every operation: 400 and 401 everywhere, 403 where a token is needed, and so on. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> addProblems(path, operation)));
        };
    }

    private static void addProblems(String path, Operation operation) {
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        problem(operation, "400", "Invalid input: `errors` lists the fields");
        problem(operation, "401", open ? "Wrong username or password, or the account is not active"
                : "No token, or an invalid or expired one");
        if (open) {
            problem(operation, "429", "Too many failed attempts; see Retry-After");
            return;
        }
        problem(operation, "403", "The caller's roles do not allow this");
        if (path.contains("{id}")) {
            problem(operation, "404", "No such record in the caller's sites");
        }
        if (path.endsWith("{action}")) {
            problem(operation, "409", "The request's state does not allow this move, or it changed meanwhile");
            problem(operation, "412", "If-Match does not match the request's current version");
        }
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.setProperties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem detail");
        problem.addProperty("type", new StringSchema().example("urn:propertydesk:problem:validation"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().description("The message key of a refused business rule"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("Invalid fields, for 400"));
        return problem;
    }
}
