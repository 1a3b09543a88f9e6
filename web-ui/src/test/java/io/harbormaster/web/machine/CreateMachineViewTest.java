package io.harbormaster.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.web.PortalTestApplication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class CreateMachineViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeMachineCreation creation;

    @BeforeEach
    void oneTeam() {
        creation.teams = List.of(new TeamDetail(Machines.TEAM, "platform", List.of(), Machines.UPDATED));
        creation.created.clear();
    }

    @Test
    void theGenericDriversFormIsMadeFromItsOptions_withTheSshKeyAndEngineSection() {
        var view = navigate(CreateMachineView.class);

        assertThat(view.driver.getValue().name()).isEqualTo("generic");
        assertThat(view.optionFields.keySet()).containsExactly("ip-address", "ssh-user", "ssh-port");
        assertThat(view.optionFields.get("ip-address").isRequiredIndicatorVisible()).isTrue();
        assertThat(view.optionFields.get("ssh-user").getPlaceholder()).isEqualTo("root");
        assertThat(view.provisioning.isVisible()).isTrue();

        view.driver.setValue(FakeMachineCreation.NONE);

        assertThat(view.optionFields.keySet()).containsExactly("url");
        assertThat(view.provisioning.isVisible()).isFalse();
    }

    @Test
    void aBadNameAndAnOptionTheDriverRefuses_areMarkedAsTyped_andNothingIsCreated() {
        var view = navigate(CreateMachineView.class);

        test(view.name).setValue("-bad name");
        assertThat(view.name.isInvalid()).isTrue();
        test(view.optionFields.get("ssh-port")).setValue("99999");
        assertThat(view.optionFields.get("ssh-port").isInvalid()).isTrue();
        assertThat(view.optionFields.get("ssh-port").getErrorMessage()).contains("1 to 65535");

        test(view.create).click();

        assertThat(view.problem.getText()).isNotBlank();
        assertThat(creation.created).isEmpty();
    }

    @Test
    void aValidForm_createsTheMachineAsTheDriverAndEngineOptionsSay_andOpensItsPage() {
        var view = navigate(CreateMachineView.class);

        test(view.name).setValue("web-7");
        test(view.optionFields.get("ip-address")).setValue("10.0.0.7");
        test(view.labels).setValue("env=prod, tier=web");
        test(view.create).click();

        assertThat(creation.created).containsExactly(
                "platform web-7 generic {ip-address=10.0.0.7} key=made labels=[env=prod, tier=web]");
        assertThat(getCurrentView()).isInstanceOf(MachineView.class);
    }

    @Test
    void choosingToGiveAKey_asksForIt_andSendsIt() {
        var view = navigate(CreateMachineView.class);
        test(view.name).setValue("web-8");
        test(view.optionFields.get("ip-address")).setValue("10.0.0.8");

        test(view.keyChoice).selectItem(CreateMachineView.OWN_KEY);
        assertThat(view.privateKey.isVisible()).isTrue();
        test(view.create).click();
        assertThat(view.problem.getText()).contains("Paste the private key");

        test(view.privateKey).setValue("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n");
        test(view.create).click();
        assertThat(creation.created).singleElement().asString().contains("key=given");
    }
}
