package io.harbormaster.driver.amazonec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.driver.CreateResult;
import io.harbormaster.driver.DriverException;
import io.harbormaster.testing.TestHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No AWS secret leaves the driver: not in create's reasons, not in exceptions of any operation (refused or not), not
 * in what the driver or the SDK logs (every level), not in the options it describes, not in the credential's text.
 */
class SecretsStayOutTest {

    private static final String SESSION_TOKEN = "session-token-that-must-not-show";

    @Test
    void aWholeLifeWithRefusalsShowsNoSecretAnywhere() {
        assumeTrue(TestHosts.available(), TestHosts.unavailableReason());
        var said = new ArrayList<String>();
        var root = Logger.getLogger("");
        var level = root.getLevel();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                said.add(record.getMessage() + " " + (record.getParameters() == null ? ""
                        : List.of(record.getParameters())) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        try (var f = new StandInFixture(List.of("10.213.0.136", "10.213.0.137"))) {
            f.context.withCredential(f.team, StandInFixture.credential("aws", StandInFixture.KEY_ID,
                    StandInFixture.SECRET, Map.of("session-token", SESSION_TOKEN)));
            var spec = f.machine("secret-1", Map.of());
            var created = f.driver.create(spec);
            said.add(created.toString());
            f.driver.stop(f.ref(spec));
            f.driver.start(f.ref(spec));
            f.ec2.failNext("DescribeInstances", "UnauthorizedOperation", "You are not authorized.");
            said.add(f.driver.state(f.ref(spec)).toString());
            f.ec2.removeAccessKey(StandInFixture.KEY_ID);
            said.add(f.driver.state(f.ref(spec)).toString());
            try {
                f.driver.remove(f.ref(spec));
            } catch (DriverException e) {
                said.add(e.getMessage() + " " + e);
            }
            said.add(f.driver.create(f.machine("secret-2", Map.of())).toString());
            f.ec2.addAccessKey(StandInFixture.KEY_ID, StandInFixture.SECRET);
            f.driver.remove(f.ref(spec));
            said.add(f.driver.options().toString());
            said.add(f.context.cloudCredential(f.team, "aws").orElseThrow().toString());
            assertThat(created).isInstanceOf(CreateResult.Created.class);
        } finally {
            root.removeHandler(handler);
            root.setLevel(level);
        }

        assertThat(said).isNotEmpty().noneMatch(text -> text.contains(StandInFixture.SECRET)
                || text.contains(SESSION_TOKEN) || text.contains("stand-in-secret"));
        assertThat(String.join("\n", said)).contains("AuthFailure", "UnauthorizedOperation");
    }
}
