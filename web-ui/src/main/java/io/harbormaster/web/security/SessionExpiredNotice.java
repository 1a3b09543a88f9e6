package io.harbormaster.web.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Vaadin's notice for a page whose session the server no longer has (timed out, or the replica that held it died and
 * the load balancer moved the browser to another). Vaadin's default reloads the page at once, without a word, and
 * whatever the user had typed and not submitted vanishes with it; the notice says what happened and lets them copy
 * it first. Clicking it (or Esc) reloads the page, which leads through the sign-in back to the same page
 * ({@link LoginView}).
 */
@Component
class SessionExpiredNotice implements VaadinServiceInitListener {

    static final String CAPTION = "Your session ended";
    static final String MESSAGE = "The server no longer knows this page: the session timed out, or the server that "
            + "held it stopped. Copy anything you typed and did not save, then click here or press Esc to sign in "
            + "again and come back to this page.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption(CAPTION);
        messages.setSessionExpiredMessage(MESSAGE);
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
