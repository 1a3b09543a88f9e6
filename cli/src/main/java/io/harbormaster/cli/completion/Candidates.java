package io.harbormaster.cli.completion;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * What shell completion offers for a parameter, named in picocli's {@code completionCandidates}. The dynamic kinds
 * (machines, teams, users, drivers) are empty here: the completion scripts ask {@code hm __complete KIND} for them when the
 * user presses tab, so they are always the server's current names. A machine verb marks its NAME parameter with
 * {@code completionCandidates = Candidates.Machines.class}.
 */
public final class Candidates {

    private Candidates() {
    }

    /** A kind of name the server knows, listed by {@code hm __complete KIND}. */
    public sealed interface Dynamic extends Iterable<String> {

        String kind();

        @Override
        default Iterator<String> iterator() {
            return Collections.emptyIterator();
        }
    }

    /** Names of the machines the user can see. */
    public static final class Machines implements Dynamic {

        @Override
        public String kind() {
            return "machines";
        }
    }

    /** Names of the teams the user can see. */
    public static final class Teams implements Dynamic {

        @Override
        public String kind() {
            return "teams";
        }
    }

    /** Usernames on the server. */
    public static final class Users implements Dynamic {

        @Override
        public String kind() {
            return "users";
        }
    }

    /** Names of the server's drivers. */
    public static final class Drivers implements Dynamic {

        @Override
        public String kind() {
            return "drivers";
        }
    }

    /** {@code --format} of a table. */
    public static final class TableFormats implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("table", "json").iterator();
        }
    }

    /** {@code --format} of the audit log. */
    public static final class AuditFormats implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("table", "csv", "json").iterator();
        }
    }

    /** {@code --role} of a share. */
    public static final class ShareRoles implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("viewer", "member").iterator();
        }
    }

    /** {@code --via} of the audit log. */
    public static final class Channels implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("api", "ui", "cli", "reconciler", "system").iterator();
        }
    }

    /** The shells {@code hm completion} writes for. */
    public static final class Shells implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }
}
