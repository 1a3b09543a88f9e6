package io.harbormaster.cli.machine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabWriterTest {

    @Test
    void padsEveryTabTerminatedCellToItsColumnPlusThree() {
        assertThat(TabWriter.align("NAME\tSTATE\nweb-1\tRunning\nx\tStopped"))
                .isEqualTo("NAME    STATE\nweb-1   Running\nx       Stopped");
    }

    @Test
    void aColumnIsAtLeastFiveWide() {
        assertThat(TabWriter.align("a\tb")).isEqualTo("a    b");
    }

    @Test
    void emptyTrailingCellsLeaveNoTrailingSpaces() {
        assertThat(TabWriter.align("web-1\t\t\n")).isEqualTo("web-1\n");
    }

    @Test
    void textWithoutTabsIsLeftAlone() {
        assertThat(TabWriter.align("just text")).isEqualTo("just text");
    }
}
