package io.harbormaster.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The embedded default: command side, query side and portal in one process, on an embedded PostgreSQL under
 * {@code ~/.harbormaster} unless {@code spring.datasource.url} names an external one.
 */
@SpringBootApplication(scanBasePackages = "io.harbormaster")
public class HarbormasterApplication {

    public static void main(String[] args) {
        SpringApplication.run(HarbormasterApplication.class, args);
    }
}
