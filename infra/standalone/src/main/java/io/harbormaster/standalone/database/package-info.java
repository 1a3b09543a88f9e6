/** Where the data lives: the embedded PostgreSQL of the one-command start. */
package io.harbormaster.standalone.database;
