/** The installed drivers as clients see them: names, what they can do, their options described for forms. */
package io.harbormaster.api.driver;
