package io.harbormaster.web.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import io.harbormaster.web.PortalTestApplication;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(PortalTestApplication.USER)
class TokensViewTest extends SpringBrowserlessTest {

    @Autowired
    FakeApiTokenService tokens;

    @BeforeEach
    void noTokens() {
        tokens.tokens.clear();
        tokens.refusal = null;
    }

    @Test
    void theFormIsPrefilledForAWorkstation_andTheTokenIsShownOnceAsTheLoginLine() {
        var view = navigate(TokensView.class);
        assertThat(view.name.getValue()).isEqualTo("workstation");
        assertThat(view.days.getValue()).isEqualTo(30);
        assertThat(view.issued.isVisible()).isFalse();

        test(view.create).click();

        assertThat(view.issued.isVisible()).isTrue();
        assertThat(view.loginLine.getValue()).startsWith("hm login ").endsWith(" --token hm_secret1");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("workstation");
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("active");
    }

    @Test
    void aRefusalIsShown_andNoLineAppears() {
        tokens.refusal = "The request has invalid fields: name must be 1 to 64 characters.";
        var view = navigate(TokensView.class);
        view.name.setValue("");

        test(view.create).click();

        assertThat(view.issued.isVisible()).isFalse();
        assertThat(test(view.grid).size()).isZero();
    }

    @Test
    void theServerUrlIsTheBrowsersOriginWithTheContextPath() throws Exception {
        assertThat(TokensView.serverUrl(URI.create("https://hm.example.com/tokens?x").toURL(), ""))
                .isEqualTo("https://hm.example.com");
        assertThat(TokensView.serverUrl(URI.create("http://127.0.0.1:8080/portal/tokens").toURL(), "/portal"))
                .isEqualTo("http://127.0.0.1:8080/portal");
        assertThat(TokensView.loginLine("https://hm.example.com", "hm_abc"))
                .isEqualTo("hm login https://hm.example.com --token hm_abc");
    }
}
