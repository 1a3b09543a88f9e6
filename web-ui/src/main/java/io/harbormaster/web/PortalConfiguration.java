package io.harbormaster.web;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the portal needs, for an application to {@code @Import}. Registering this package as an
 * auto-configuration package is what lets Vaadin find the routes here when the application class lives elsewhere
 * (Vaadin scans the auto-configuration packages for {@code @Route} classes).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PortalConfiguration.class)
@AutoConfigurationPackage(basePackageClasses = PortalConfiguration.class)
public class PortalConfiguration {
}
