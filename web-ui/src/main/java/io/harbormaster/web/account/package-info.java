/** Who is signed in to the portal, as the command and query buses know them. */
package io.harbormaster.web.account;
