/** The portal's frame around every signed-in view: the header with the product name and the log-out button. */
package io.harbormaster.web.layout;
