package io.harbormaster.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.harbormaster.web.PortalTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The portal's filter chain, request by request, as a browser would meet it. */
@SpringBootTest(classes = PortalTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class PortalSecurityTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void givenNotSignedIn_whenOpeningThePortal_thenSentToTheLoginView() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void givenTheRightPassword_whenSigningIn_thenSignedInAndSentToTheMachines() throws Exception {
        mvc.perform(formLogin("/login").user(PortalTestApplication.USER).password(PortalTestApplication.PASSWORD))
                .andExpect(authenticated().withUsername(PortalTestApplication.USER))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void givenAWrongPassword_whenSigningIn_thenBackToTheLoginViewWithAnError() throws Exception {
        mvc.perform(formLogin("/login").user(PortalTestApplication.USER).password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    // The login POST itself is exempt from CSRF in Vaadin's configurer (by Vaadin's design); everything else is not.
    @Test
    void givenNoCsrfToken_whenLoggingOut_thenStillSignedIn() throws Exception {
        var session = signIn();

        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());

        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNotNull();
    }

    @Test
    void givenASignedInSession_whenLoggingOut_thenSignedOutAndSentToTheRootWhichAsksForALogin() throws Exception {
        var session = signIn();

        mvc.perform(post("/logout").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));

        assertThat(session.isInvalid()).isTrue();
    }

    /** A browser back with the id of a session this node does not have: its replica died, or the session timed out. */
    @Test
    void givenASessionThisNodeDoesNotHave_whenOpeningAPage_thenSentToTheLoginWithTheSessionMarkedAsEnded()
            throws Exception {
        var result = mvc.perform(get("/machines/m-1").with(request -> {
                    request.setRequestedSessionId("SESSION-OF-A-DEAD-REPLICA");
                    request.setRequestedSessionIdValid(false);
                    request.setRequestedSessionIdFromCookie(true);
                    return request;
                }))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"))
                .andReturn();

        var session = result.getRequest().getSession(false);
        assertThat(session).isNotNull();
        assertThat(session.getAttribute(EndedSessionMarker.ATTRIBUTE)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void givenAFirstVisit_whenOpeningAPage_thenNoSessionIsMarkedAsEnded() throws Exception {
        var result = mvc.perform(get("/machines/m-1")).andExpect(redirectedUrl("/login")).andReturn();

        var session = result.getRequest().getSession(false);
        assertThat(session == null ? null : session.getAttribute(EndedSessionMarker.ATTRIBUTE)).isNull();
    }

    /** Otherwise the page after a sign-out, still carrying the old session's id, would say the session ended. */
    @Test
    void givenASignedInSession_whenLoggingOut_thenTheSessionCookieIsDeleted() throws Exception {
        var session = signIn();

        var cookie = mvc.perform(post("/logout").session(session).with(csrf())).andReturn().getResponse()
                .getCookie(PortalSecurityConfiguration.SESSION_COOKIE);

        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isZero();
    }

    private MockHttpSession signIn() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(PortalTestApplication.USER)
                        .password(PortalTestApplication.PASSWORD))
                .andExpect(authenticated())
                .andReturn().getRequest().getSession();
    }
}
