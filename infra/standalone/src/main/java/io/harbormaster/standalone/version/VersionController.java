package io.harbormaster.standalone.version;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's version for any signed-in user, so {@code hm version} can print the server's beside its own. The
 * actuator's info endpoint is for platform admins, and the OpenAPI description is far too large to read for one field.
 */
@RestController
@Tag(name = "Platform")
class VersionController {

    /** The answer: the version the build recorded (Spring Boot's build info), or {@code unknown} without one. */
    record PlatformVersion(String version) {
    }

    private final Optional<BuildProperties> build;

    VersionController(ObjectProvider<BuildProperties> build) {
        this.build = Optional.ofNullable(build.getIfAvailable());
    }

    @GetMapping("/api/version")
    @Operation(operationId = "getVersion", summary = "The platform's version")
    PlatformVersion version() {
        return new PlatformVersion(build.map(BuildProperties::getVersion).orElse("unknown"));
    }
}
