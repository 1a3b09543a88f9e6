package io.harbormaster.security.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.api.common.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A client may say it is the CLI and nothing else; every other API request is on channel api. */
class RequestChannelTest {

    @Test
    void onlyTheCliMayBeClaimed() {
        assertThat(RequestChannel.of(request(null))).isEqualTo(Channel.API);
        assertThat(RequestChannel.of(request(" CLI "))).isEqualTo(Channel.CLI);
        assertThat(RequestChannel.of(request("ui"))).isEqualTo(Channel.API);
        assertThat(RequestChannel.of(request("system"))).isEqualTo(Channel.API);
    }

    private static MockHttpServletRequest request(String channel) {
        var request = new MockHttpServletRequest("GET", "/api/machines");
        if (channel != null) {
            request.addHeader(RequestChannel.CHANNEL_HEADER, channel);
        }
        return request;
    }
}
