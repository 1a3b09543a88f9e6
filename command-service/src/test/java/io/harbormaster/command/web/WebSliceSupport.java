package io.harbormaster.command.web;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every command controller slice needs besides its controller: the problem details advice and the command
 * sender (whose gateway each test mocks). Also sets the acting user the way the security filter would.
 */
@Configuration(proxyBeanMethods = false)
@Import({CommandProblems.class, Commands.class})
public class WebSliceSupport {

    public static final String ALICE = "9e4f6a51-0000-4000-8000-00000000a11c";

    /** Acts as Alice for the rest of the test; MockMvc runs the request on the test's thread. */
    public static void actAsAlice() {
        CurrentActingContext.set(new ActingContext(ALICE, "alice", Channel.API, "127.0.0.1", "corr-test"));
    }

    public static void actAsSystem() {
        CurrentActingContext.set(ActingContext.system());
    }

    public static void clear() {
        CurrentActingContext.clear();
    }
}
