package io.harbormaster.command.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.driver.DriverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * sshd's trust in the SSH user CA runs beside the daemon's restart, and its outcome is reported once, where the
 * provisioner asks for it: trusted or refused, and a broken session fails the creation as before.
 */
class SshUserCaTrustInBackgroundTest {

    private final List<String> reported = new ArrayList<>();
    private final ProvisioningProgress progress = new ProvisioningProgress() {
        @Override
        public void started(String os) {
            reported.add("started " + os);
        }

        @Override
        public void stepCompleted(String step, int number, int total) {
            reported.add("step " + step);
        }

        @Override
        public void sshUserCaTrusted(String trustedKeysFile) {
            reported.add("trusted " + trustedKeysFile);
        }

        @Override
        public void sshUserCaRefused(String reason) {
            reported.add("refused " + reason);
        }
    };

    @Test
    void theTrustRunsWhileTheCallerGoesOn_andIsReportedOnceWhenAskedFor() throws Exception {
        var callerWentOn = new CountDownLatch(1);
        var trust = SshUserCaTrustInBackground.start(() -> {
            try {
                callerWentOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "/etc/ssh/harbormaster_user_ca.pub";
        });

        progress.stepCompleted("configure-daemon", 4, 6);
        callerWentOn.countDown();
        trust.report(progress);
        trust.report(progress);

        assertThat(reported).containsExactly("step configure-daemon", "trusted /etc/ssh/harbormaster_user_ca.pub");
    }

    @Test
    void sshdRefusingTheChange_isReportedAndProvisioningGoesOn() {
        var trust = SshUserCaTrustInBackground.start(() -> {
            throw new ProvisioningException("push-certs", "sshd -t refused the configuration");
        });

        trust.report(progress);

        assertThat(reported).containsExactly("refused sshd -t refused the configuration");
    }

    @Test
    void aBrokenSession_failsTheCreationLikeAnyStep_butNotWhenAnotherStepFailedFirst() {
        var broken = new DriverException("The SSH session to root@10.0.0.1:22 failed");

        assertThatThrownBy(() -> SshUserCaTrustInBackground.start(() -> {
            throw broken;
        }).report(progress)).isSameAs(broken);

        SshUserCaTrustInBackground.start(() -> {
            throw broken;
        }).reportAfterFailure(progress);
        assertThat(reported).isEmpty();
    }
}
