package io.harbormaster.cli.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsLikeDockerMachinesTabwriter() {
        var table = new Table("NAME", "ROLE", "X").row("platform", "owner", "1").row("qa", null, "22");

        assertThat(table.render()).isEqualTo("""
                NAME       ROLE    X
                platform   owner   1
                qa                 22
                """);
    }

    @Test
    void columnsAreAtLeastFiveWide() {
        assertThat(new Table("A", "B").row("x", "y").render()).isEqualTo("A    B\nx    y\n");
    }

    @Test
    void controlCharactersCannotBreakRowsOrDriveTheTerminal() {
        var table = new Table("NAME", "WHAT").row("a\tb", "red\u001b[31m\nnext\u2028line");

        assertThat(table.render()).isEqualTo("""
                NAME   WHAT
                a?b    red?[31m?next?line
                """);
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertThat(new Table("ID", "NAME").render()).isEqualTo("ID   NAME\n");
    }
}
