package io.harbormaster.web.token;

import io.harbormaster.api.user.ApiTokenList;
import io.harbormaster.api.user.IssuedOwnApiToken;
import java.util.List;

/** The signed-in user's personal API tokens, as the tokens view needs them. */
interface ApiTokenService {

    /** Issues a token for the signed-in user; throws with a message to show when it is refused. */
    IssuedOwnApiToken issue(String name, int expiresInDays);

    List<ApiTokenList.Token> list();

    void revoke(String tokenId);
}
