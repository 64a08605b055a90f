package dev.weft.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.NoteInfo;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuickMatchTest {
    private static NoteInfo note(String name) {
        return new NoteInfo(UUID.nameUUIDFromBytes(name.getBytes()), name, false);
    }

    @Test
    void aSubstringOfTheNotesOwnNameRanksAboveOneInItsFolderAndAboveLettersInOrder() {
        List<NoteInfo> notes = List.of(note("Meetings/Monday"), note("Work/Meetings"), note("Misc/timing"),
                note("Recipes/Soup"));
        assertThat(QuickMatch.rank(notes, "meet", 10)).extracting(NoteInfo::name)
                .containsExactly("Work/Meetings", "Meetings/Monday");
        assertThat(QuickMatch.rank(notes, "mtg", 10)).extracting(NoteInfo::name)
                .contains("Work/Meetings", "Misc/timing").doesNotContain("Recipes/Soup");
    }

    @Test
    void trashedNotesAreNeverOffered() {
        assertThat(QuickMatch.rank(List.of(new NoteInfo(UUID.randomUUID(), "Old", true)), "old", 10)).isEmpty();
    }
}
