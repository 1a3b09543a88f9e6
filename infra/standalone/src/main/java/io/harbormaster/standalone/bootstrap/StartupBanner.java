package io.harbormaster.standalone.bootstrap;

import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the platform where it is and, on the first start only, how to sign in. The password
 * goes to the console, never to the log: it must not end up in log files or log shipping.
 */
@Component
class StartupBanner {

    private final FirstStartBootstrap bootstrap;
    private final Environment environment;
    private final String publicUrl;
    private final String home;
    private final PrintStream console = System.out;

    StartupBanner(FirstStartBootstrap bootstrap, Environment environment,
                  @Value("${harbormaster.public-url}") String publicUrl, @Value("${harbormaster.home}") String home) {
        this.bootstrap = bootstrap;
        this.environment = environment;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.home = home;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        var publicUrl = this.publicUrl.isBlank() && event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort() : this.publicUrl;
        var database = environment.getProperty("spring.datasource.url", "embedded");
        var text = new StringBuilder()
                .append(System.lineSeparator())
                .append("Harbormaster is ready.").append(System.lineSeparator())
                .append("  Portal:      ").append(publicUrl).append('/').append(System.lineSeparator())
                .append("  REST API:    ").append(publicUrl).append("/api/machines").append(System.lineSeparator())
                .append("  OpenAPI:     ").append(publicUrl).append("/v3/api-docs  (Swagger UI: ")
                .append(publicUrl).append("/swagger-ui.html)").append(System.lineSeparator())
                .append("  Database:    ").append("embedded".equals(database)
                        ? "embedded PostgreSQL, data in " + home + "/postgres" : "external PostgreSQL")
                .append(System.lineSeparator());
        bootstrap.takeOneTimePassword().ifPresent(password -> text
                .append(System.lineSeparator())
                .append("  First start: sign in as '").append(FirstStartBootstrap.ADMIN)
                .append("' with this one-time password (it is shown only now):").append(System.lineSeparator())
                .append("      ").append(password).append(System.lineSeparator()));
        console.println(text);
        console.flush();
    }
}
