package io.harbormaster.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator promotes and demotes platform admins through the API; the role takes effect on the user's next request,
 * the platform never loses its last admin, and each change is in the platform audit log.
 */
class PlatformAdminIntegrationTest {

    private static final String PASSWORD = "hedy-password-for-admin-tests";
    private static RunningPlatform platform;
    private static String hedy;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.startOnFreshDatabase();
        hedy = platform.admin().post("/api/users", """
                {"username":"hedy","displayName":"Hedy","platformAdmin":false}""").text("userId");
        assertThat(platform.admin().put("/api/users/" + hedy + "/password", """
                {"password":"%s"}""".formatted(PASSWORD)).status()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void grantingTheRole_opensAdministration_andRevokingItClosesItAgain() {
        var asHedy = platform.as("hedy", PASSWORD);
        assertThat(asHedy.get("/api/admin/projections").status()).isEqualTo(403);

        assertThat(platform.admin().put("/api/users/" + hedy + "/platform-admin", "{\"platformAdmin\":true}").status())
                .isEqualTo(204);
        assertThat(asHedy.get("/api/admin/projections").status()).isEqualTo(200);
        // the new admin may now demote the old one, but not themselves once they are the last
        var admin = platform.jdbc().sql("SELECT user_id::text FROM sec_account WHERE username = 'admin'")
                .query(String.class).single();
        assertThat(asHedy.put("/api/users/" + admin + "/platform-admin", "{\"platformAdmin\":false}").status())
                .isEqualTo(204);
        var last = asHedy.put("/api/users/" + hedy + "/platform-admin", "{\"platformAdmin\":false}");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.text("type")).endsWith("/last-platform-admin");
        assertThat(last.text("detail")).contains("only platform admin");

        // hand it back, so the other tests of this class keep their admin
        assertThat(asHedy.put("/api/users/" + admin + "/platform-admin", "{\"platformAdmin\":true}").status())
                .isEqualTo(204);
        assertThat(platform.admin().put("/api/users/" + hedy + "/platform-admin", "{\"platformAdmin\":false}").status())
                .isEqualTo(204);
        assertThat(asHedy.get("/api/admin/projections").status()).isEqualTo(403);

        var log = ApiClient.await(() -> platform.admin().get("/api/admin/audit?action=PlatformAdminChanged"),
                r -> r.json().path("total").asLong() == 4);
        assertThat(log.body()).contains("granted the platform admin role").contains("platform admin role revoked");
        var users = ApiClient.await(() -> platform.admin().get("/api/users"),
                r -> r.body().contains("\"username\":\"hedy\""));
        assertThat(users.json().path("users").valueStream()
                .filter(u -> u.path("username").asString().equals("hedy")).findFirst().orElseThrow()
                .path("platformAdmin").asBoolean()).isFalse();
    }

    @Test
    void anUnknownUserOrAMissingFlag_isAClearError() {
        var unknown = platform.admin().put("/api/users/3f1c0a55-0000-4000-8000-000000000000/platform-admin",
                "{\"platformAdmin\":true}");
        assertThat(unknown.status()).isEqualTo(404);
        var missing = platform.admin().put("/api/users/" + hedy + "/platform-admin", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("platformAdmin");
    }
}
