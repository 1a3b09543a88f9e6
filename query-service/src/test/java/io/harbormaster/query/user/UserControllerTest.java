package io.harbormaster.query.user;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import io.harbormaster.api.user.FindUsersQuery;
import io.harbormaster.api.user.UserId;
import io.harbormaster.api.user.UserList;
import io.harbormaster.api.user.UserSummary;
import io.harbormaster.query.web.QueryProblemsSlice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UserController.class)
@ContextConfiguration(classes = {UserController.class, QueryProblemsSlice.class})
class UserControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway gateway;

    @Test
    void users_areListedWithoutCredentials() throws Exception {
        var alice = new UserSummary(UserId.random(), "alice", "Alice", true, Instant.parse("2026-03-01T10:00:00Z"));
        given(gateway.query(any(FindUsersQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new UserList(List.of(alice))));

        mvc.perform(get("/api/users"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users[0].username").value("alice"))
                .andExpect(jsonPath("$.users[0].platformAdmin").value(true))
                .andExpect(jsonPath("$.users[0].password").doesNotExist());
    }

    @Test
    void anUnexpectedFailure_isA500WithTheCorrelationIdAndNothingInternal() throws Exception {
        given(gateway.query(any(FindUsersQuery.class), any(ResponseType.class)))
                .willThrow(new IllegalStateException("relation rm_user is broken"));
        CurrentActingContext.set(new ActingContext(UserId.random().value(), "alice", Channel.API, "127.0.0.1",
                "corr-query"));
        try {
            mvc.perform(get("/api/users"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.type").value("https://harbormaster.dev/problems/internal-error"))
                    .andExpect(jsonPath("$.correlationId").value("corr-query"))
                    .andExpect(content().string(not(containsString("rm_user"))));
        } finally {
            CurrentActingContext.clear();
        }
    }
}
