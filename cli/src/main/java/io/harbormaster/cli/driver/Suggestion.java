package io.harbormaster.cli.driver;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known word a mistyped one most likely meant, as docker and git suggest: a few edits away, or its prefix. */
final class Suggestion {

    private Suggestion() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        int allowed = Math.max(2, typed.length() / 4);
        return known.stream()
                .filter(word -> distance(typed, word) <= allowed || word.startsWith(typed) && typed.length() >= 4)
                .min(Comparator.comparingInt((String word) -> distance(typed, word)).thenComparing(word -> word));
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}: Damerau–Levenshtein, OSA. */
    static int distance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
