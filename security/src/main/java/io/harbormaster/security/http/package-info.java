/**
 * What every {@code /api} request goes through around its controller: the body size limit, problem details for
 * whatever no controller answers (unknown paths, wrong methods, failures outside Spring MVC, URLs Tomcat refuses
 * before any filter runs), strict JSON, and the parts of the OpenAPI description every endpoint shares.
 */
package io.harbormaster.security.http;
