package io.harbormaster.cli.team;

import io.harbormaster.cli.HmException;
import io.harbormaster.cli.server.ServerRefusal;

/** One line for a refused request: what hm tried, then the server's own explanation. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * {@code failed} (say, "Cannot share web-1 with bob") and the problem's detail after it. A 401 already says how
     * to sign in again, so it stays as it is.
     */
    public static HmException explain(String failed, ServerRefusal refusal) {
        if (refusal.status() == 401) {
            return refusal;
        }
        return new HmException(failed + ": " + refusal.getMessage());
    }
}
