package io.harbormaster.web.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an unknown path shows to a signed-in user: the portal's header and navigation, the path asked for, and where
 * to go instead, with the status 404. Vaadin's access control answers a path that is no route as "access denied"
 * (so that routes cannot be probed), which is why the same page handles both: for a signed-in user there is
 * nothing behind such a path they could be denied. Public because Vaadin instantiates error views reflectively.
 */
@ParentLayout(PortalLayout.class)
@PermitAll
public class PageNotFound extends VerticalLayout {

    static final String HEADING = "No such page";

    PageNotFound() {
        setId("page-not-found");
    }

    int show(String path) {
        removeAll();
        var home = new Anchor("", "the machines");
        home.getElement().setAttribute("router-link", true);
        var tokens = new Anchor("tokens", "your API tokens");
        tokens.getElement().setAttribute("router-link", true);
        var text = new Paragraph("There is no page at /" + path + " in the portal. ");
        text.setId("page-not-found-path");
        var next = new Paragraph("Go to ");
        next.add(home, new com.vaadin.flow.component.Text(" or "), tokens, new com.vaadin.flow.component.Text(
                ", or use the links above."));
        add(new H2(HEADING), text, next);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** Unknown paths Vaadin's router reports as not found. */
    @ParentLayout(PortalLayout.class)
    @PageTitle(HEADING)
    @PermitAll
    public static class NotFound extends PageNotFound implements HasErrorParameter<NotFoundException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            return show(event.getLocation().getPath());
        }
    }

    /** Unknown paths Vaadin's access control reports as denied. */
    @ParentLayout(PortalLayout.class)
    @PageTitle(HEADING)
    @PermitAll
    public static class Denied extends PageNotFound implements HasErrorParameter<AccessDeniedException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            return show(event.getLocation().getPath());
        }
    }
}
