package io.harbormaster.query.machine;

/** The machine list's sort key for tests of other read models that write machine rows themselves. */
public final class NaturalSortKeyAccess {

    private NaturalSortKeyAccess() {
    }

    public static String of(String name) {
        return NaturalSortKey.of(name);
    }
}
