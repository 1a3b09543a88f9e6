package io.harbormaster.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.aura.Aura;

/**
 * The portal's page shell. Server push (over a WebSocket, falling back to long polling) lets the machine pages show
 * what happens elsewhere — a provisioning step, a hand-off from another browser — without a reload. Aura (the look
 * Vaadin gives a portal without a shell) is named here because an application shell replaces the default one.
 */
@Push
@StyleSheet(Aura.STYLESHEET)
public class PortalShell implements AppShellConfigurator {
}
