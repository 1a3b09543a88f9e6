/** Which Harbormaster answers: {@code GET /api/version}, for {@code hm version} and support requests. */
package io.harbormaster.standalone.version;
