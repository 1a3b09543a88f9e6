package io.harbormaster.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-model tables a rebuild fills beside the live ones: a copy of every {@code rm_*} table's structure in the
 * schema {@value #SCHEMA}, and the swap that puts the copies in place of the live tables in one transaction.
 *
 * <p>The copies get their keys, unique indexes and foreign keys before the load (the projections' upserts and
 * cascades need them) and their other indexes after it, because building an index once is cheaper than keeping it
 * up to date row by row. The audit trail's stream cursor ({@code stream_seq}) continues above the live one's, so a
 * client's cursor never goes back across a rebuild.
 */
final class ShadowTables {

    static final String SCHEMA = "hm_rebuild";
    static final String RETIRED = "hm_retired";

    private ShadowTables() {
    }

    /** Drops what an earlier rebuild left and creates empty copies of the live tables. */
    static void create(Connection c) throws SQLException {
        var tables = liveTables(c);
        execute(c, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        execute(c, "CREATE SCHEMA " + SCHEMA);
        for (var table : tables) {
            execute(c, "CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
        }
        // Keys before foreign keys: a foreign key needs the key it references. The definitions name the tables they
        // reference without a schema, so they are read with the live search path and run with the copies first in
        // it: a copy's foreign key must reference a copy, never a live table.
        var constraints = strings(c, """
                SELECT 'ALTER TABLE %s.' || quote_ident(t.relname) || ' ADD CONSTRAINT ' || quote_ident(k.conname)
                       || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname LIKE 'rm\\_%%' AND k.contype IN ('p', 'u', 'f')
                ORDER BY k.contype = 'f', t.relname, k.conname""".formatted(SCHEMA));
        execute(c, "SET search_path TO " + SCHEMA);
        try {
            for (var definition : constraints) {
                execute(c, definition);
            }
        } finally {
            execute(c, "RESET search_path");
        }
        for (var index : standaloneIndexes(c, true)) {
            execute(c, index);
        }
        for (var identity : identities(c)) {
            execute(c, "SELECT setval(pg_get_serial_sequence('%s.%s', '%s'), (SELECT last_value FROM %s))"
                    .formatted(SCHEMA, identity.table(), identity.column(), identity.liveSequence()));
        }
    }

    /** The indexes only the readers need, built once the copies hold the replayed rows. */
    static void createDeferredIndexes(Connection c) throws SQLException {
        for (var index : standaloneIndexes(c, false)) {
            execute(c, index);
        }
    }

    /**
     * Puts the copies in place of the live tables. Run in one transaction: a reader sees either every old table or
     * every new one. The old tables move to {@value #RETIRED}, dropped by {@link #dropRetired}.
     */
    static void swap(Connection c) throws SQLException {
        var tables = liveTables(c);
        var identities = identities(c);
        for (var identity : identities) {
            execute(c, ("SELECT setval(pg_get_serial_sequence('%s.%s', '%s'), GREATEST((SELECT last_value FROM %s),"
                    + " (SELECT last_value FROM %s)))").formatted(SCHEMA, identity.table(), identity.column(),
                    identity.liveSequence(), identity.shadowSequence()));
        }
        execute(c, "DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
        execute(c, "CREATE SCHEMA " + RETIRED);
        for (var table : tables) {
            execute(c, "ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
        }
        for (var table : tables) {
            execute(c, "ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA public");
        }
        execute(c, "DROP SCHEMA " + SCHEMA);
    }

    static void dropRetired(Connection c) throws SQLException {
        execute(c, "DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
    }

    /** Forgets an unfinished rebuild's copies; the live tables are not touched. */
    static void drop(Connection c) throws SQLException {
        execute(c, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private static List<String> liveTables(Connection c) throws SQLException {
        return strings(c, "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename LIKE 'rm\\_%' ORDER BY tablename");
    }

    /** Indexes that back no constraint, as DDL for the copies; unique ones (upserts need them) or the others. */
    private static List<String> standaloneIndexes(Connection c, boolean unique) throws SQLException {
        return strings(c, """
                SELECT replace(pg_get_indexdef(i.indexrelid), ' ON public.', ' ON %s.')
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname LIKE 'rm\\_%%' AND i.indisunique = %s
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY 1""".formatted(SCHEMA, unique));
    }

    private record Identity(String table, String column, String liveSequence, String shadowSequence) {
    }

    private static List<Identity> identities(Connection c) throws SQLException {
        var found = new ArrayList<Identity>();
        try (var statement = c.createStatement(); var rows = statement.executeQuery("""
                SELECT table_name, column_name, pg_get_serial_sequence('public.' || quote_ident(table_name), column_name),
                       pg_get_serial_sequence('%s.' || quote_ident(table_name), column_name)
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name LIKE 'rm\\_%%' AND is_identity = 'YES'
                ORDER BY 1, 2""".formatted(SCHEMA))) {
            while (rows.next()) {
                found.add(new Identity(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return found;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        var found = new ArrayList<String>();
        try (var statement = c.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
