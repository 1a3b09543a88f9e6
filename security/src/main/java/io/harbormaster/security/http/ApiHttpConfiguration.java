package io.harbormaster.security.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** The HTTP rules every {@code /api} endpoint shares, whichever side serves it. */
@Configuration(proxyBeanMethods = false)
@Import(TomcatErrorReports.class)
public class ApiHttpConfiguration {

    /** In front of Spring Security's chain (order -100), so its answers and failures go through it too. */
    @Bean
    FilterRegistrationBean<ApiProblemFilter> apiProblemFilter(
            @Value("${harbormaster.api.max-body-size:1MB}") DataSize maxBodySize) {
        var registration = new FilterRegistrationBean<>(new ApiProblemFilter(maxBodySize.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Unknown {@code /api} paths answer 404. Without this mapping they fell through to the portal's catch-all (a
     * Vaadin page with 200). Ordered right after the controllers' mapping, which still answers a known path with a
     * wrong method 405 itself.
     */
    @Bean
    HandlerMapping unknownApiPaths() {
        HttpRequestHandler notFound = (request, response) -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), 1);
    }

    /**
     * JSON means what it says: {@code 123} is no name and {@code "30"} no number. Jackson would otherwise turn
     * scalars into each other silently; request bodies are read with this mapper, and nothing else of the platform
     * reads JSON with it (Axon's event serializer has its own).
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Validation messages in plain words; see {@link PlainConstraintWords}. */
    @Bean
    ValidationConfigurationCustomizer plainConstraintWords() {
        return configuration -> configuration.messageInterpolator(
                new PlainConstraintWords(configuration.getDefaultMessageInterpolator()));
    }

    @Bean
    OpenApiCustomizer sharedApiDescription() {
        return new ApiDescription();
    }
}
