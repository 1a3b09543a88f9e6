package io.harbormaster.web.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The portal's short messages: what was done, for a few seconds, and a refusal in the write side's own words. */
public final class Notices {

    private Notices() {
    }

    public static void done(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    }

    /** The refusal's message, which the write side words for users (it never holds a secret), for longer. */
    public static void refused(RuntimeException refused) {
        var message = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
        var notification = Notification.show(message, 8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
