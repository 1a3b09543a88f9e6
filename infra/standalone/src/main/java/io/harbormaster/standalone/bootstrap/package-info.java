/** First start: the first admin and default team, and the banner that says where everything is. */
package io.harbormaster.standalone.bootstrap;
