/** Test helpers for the query side: a migrated real PostgreSQL per test and ready-made event metadata. */
package io.harbormaster.query.testing;
