package io.harbormaster.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;

class EndedSessionTest {

    @Test
    void thePageIsTheSavedRequestsPathAndQuery_withoutTheRequestCachesMarker() {
        var request = new MockHttpServletRequest("GET", "/machines/m-1");
        request.setQueryString("tab=history");

        var ended = EndedSession.returningTo(new DefaultSavedRequest(request, "continue"));

        assertThat(ended.page()).isEqualTo("/machines/m-1?tab=history");
        assertThat(ended.message()).contains("go back to /machines/m-1?tab=history").doesNotContain("continue");
    }

    @Test
    void withoutASavedRequest_theMessageSaysToContinue() {
        var ended = EndedSession.returningTo(null);

        assertThat(ended.page()).isNull();
        assertThat(ended.message()).contains("Sign in again to continue.");
    }
}
