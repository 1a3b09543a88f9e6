package io.harbormaster.command.benchmark;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Write side and read side together, without the web layer, for the lifecycle benchmark. */
@SpringBootApplication(scanBasePackages = {"io.harbormaster.command", "io.harbormaster.query"})
class BenchmarkApplication {
}
