package io.harbormaster.web.token;

import io.harbormaster.api.user.ApiTokenList;
import io.harbormaster.api.user.IssuedOwnApiToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Tokens kept in memory, and a refusal on demand, for the view's tests. */
@Component
@Primary
class FakeApiTokenService implements ApiTokenService {

    final List<ApiTokenList.Token> tokens = new ArrayList<>();
    String refusal;

    @Override
    public IssuedOwnApiToken issue(String name, int expiresInDays) {
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        var id = "00000000-0000-4000-8000-00000000000" + tokens.size();
        var expires = Instant.now().plusSeconds(86400L * expiresInDays);
        tokens.add(new ApiTokenList.Token(id, name, Instant.parse("2026-01-01T00:00:00Z"), expires, null, false));
        return new IssuedOwnApiToken(id, name, expires, "hm_secret" + tokens.size());
    }

    @Override
    public List<ApiTokenList.Token> list() {
        return List.copyOf(tokens);
    }

    @Override
    public void revoke(String tokenId) {
        tokens.replaceAll(t -> t.tokenId().equals(tokenId)
                ? new ApiTokenList.Token(t.tokenId(), t.name(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), true) : t);
    }
}
