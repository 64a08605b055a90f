package dev.weft.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.NoteInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoteSearchTest {
    @Test
    void everyMatchIgnoringCaseWithItsLineAndOffsets() {
        NoteInfo note = new NoteInfo(UUID.randomUUID(), "n", false);
        List<SearchHit> hits = new ArrayList<>();
        NoteSearch.collect(note, "alpha\nBeta beta\ngamma", "beta", hits);
        assertThat(hits).extracting(SearchHit::line, SearchHit::start, SearchHit::end, SearchHit::snippet)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 6, 10, "Beta beta"),
                        org.assertj.core.groups.Tuple.tuple(2, 11, 15, "Beta beta"));
    }

    @Test
    void aLongLineIsCutAroundTheMatch() {
        NoteInfo note = new NoteInfo(UUID.randomUUID(), "n", false);
        List<SearchHit> hits = new ArrayList<>();
        NoteSearch.collect(note, "x".repeat(500) + "needle" + "y".repeat(500), "needle", hits);
        assertThat(hits.get(0).snippet()).startsWith("…").endsWith("…").contains("needle").hasSizeLessThan(130);
    }
}
