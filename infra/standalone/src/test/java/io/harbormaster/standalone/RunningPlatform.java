package io.harbormaster.standalone;

import io.harbormaster.api.user.UserId;
import io.harbormaster.security.account.AccountStore;
import io.harbormaster.testing.TestPostgres;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The whole platform, started the way {@code ./harbormaster start} starts it, on a real PostgreSQL test database.
 * It can be stopped and started again on the same database to prove that nothing lives only in memory.
 */
final class RunningPlatform implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final TestPostgres.Database database;
    private final java.util.List<String> extraArguments;
    private ConfigurableApplicationContext context;

    private RunningPlatform(TestPostgres.Database database, String... extraArguments) {
        this.database = database;
        this.extraArguments = java.util.List.of(extraArguments);
    }

    /** On a fresh database, with extra settings ({@code --name=value}) that win over the tests' defaults. */
    static RunningPlatform startOnFreshDatabase(String... extraArguments) {
        var platform = new RunningPlatform(TestPostgres.freshDatabase(), extraArguments);
        platform.start();
        return platform;
    }

    static RunningPlatform startOn(TestPostgres.Database database, String... extraArguments) {
        var platform = new RunningPlatform(database, extraArguments);
        platform.start();
        return platform;
    }

    void start() {
        // Command-line arguments: they outrank application.yml, as default properties would not.
        var arguments = new java.util.ArrayList<>(java.util.List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--harbormaster.home=" + System.getProperty("java.io.tmpdir") + "/hm-test-home",
                // off unless a test turns it on: it would probe the made-up addresses of other tests' machines
                "--harbormaster.reconciler.interval=0",
                // the machines of the tests live on loopback (stand-in daemons, sshd) and the test hosts' network;
                // loopback is denied by default, so the tests allow exactly these (link-local stays refused)
                "--harbormaster.network.allow=127.0.0.0/8,10.213.0.0/16",
                "--harbormaster.network.deny=",
                "--spring.main.banner-mode=off"));
        // a setting given twice on the command line would become a list: the test's own value replaces the default
        for (var extra : extraArguments) {
            var key = extra.substring(0, extra.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(key));
            arguments.add(extra);
        }
        context = new SpringApplicationBuilder(HarbormasterApplication.class).run(arguments.toArray(String[]::new));
        var admin = jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                .query(String.class).single();
        context.getBean(AccountStore.class).setPasswordHash(UserId.of(admin),
                context.getBean(PasswordEncoder.class).encode(ADMIN_PASSWORD), Instant.now());
    }

    /** Stops the application (not the database) and starts it again. */
    void restart() {
        close();
        start();
    }

    ApiClient admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    ApiClient as(String user, String password) {
        return new ApiClient(baseUrl(), user, password);
    }

    ApiClient anonymous() {
        return new ApiClient(baseUrl(), null, null);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    TestPostgres.Database database() {
        return database;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
