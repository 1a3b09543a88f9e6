package io.harbormaster.web.outage;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Every portal session's error handler: a view that could not read because the database is out of reach (the
 * machine list's query, for one) shows {@link DatabaseOutage#MESSAGE} instead of an empty list and a log line only.
 * Every other error goes to Vaadin's default handling.
 */
@Component
class OutageErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    static final String NOTICE_ID = "database-unavailable";

    private final ErrorHandler others = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        var ui = UI.getCurrent();
        if (!DatabaseOutage.isCause(event.getThrowable()) || ui == null) {
            others.error(event);
            return;
        }
        // One notice per page, however many grid pages failed; it stays until the person closes or reloads.
        var shown = ComponentUtil.getData(ui, Notification.class);
        if (shown != null && shown.isOpened()) {
            return;
        }
        var message = new Span(DatabaseOutage.MESSAGE);
        message.setId(NOTICE_ID);
        var notice = new Notification();
        var close = new com.vaadin.flow.component.button.Button("Close", click -> notice.close());
        close.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close the notice");
        var content = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(message, close);
        content.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        notice.add(content);
        notice.setDuration(0);
        // at the bottom, like the portal's other notices: at the top it covered the navigation
        notice.setPosition(Notification.Position.BOTTOM_START);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.open();
        ComponentUtil.setData(ui, Notification.class, notice);
    }
}
