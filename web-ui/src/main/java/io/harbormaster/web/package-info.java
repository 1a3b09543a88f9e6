/**
 * The team portal (Vaadin Flow). It reads through Axon's query bus and never touches the read models' tables, so the
 * same views work whether the query side runs in this process or elsewhere. {@link io.harbormaster.web.PortalConfiguration}
 * is the one class an application imports to get the portal.
 */
package io.harbormaster.web;
