package dev.weft.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchTest {
    @Test
    void foldingDropsAccentsAndCaseAndMapsBack() {
        assertThat(Folded.text("Naïve CAFÉ İstanbul")).isEqualTo("naive cafe istanbul");
        String decomposed = "nai\u0308ve"; // ï as i + combining diaeresis
        Folded folded = Folded.of(decomposed);
        assertThat(folded.text()).isEqualTo("naive");
        assertThat(folded.originalOffset(3)).isEqualTo(4);
        assertThat(folded.originalEnd(3)).isEqualTo(4); // "nai" ends after the mark
        assertThat(Folded.of("plain text").origin()).isNull();
    }

    @Test
    void queriesHaveWordsPhrasesTagsAndPaths() {
        SearchQuery q = SearchQuery.parse("Naïve \"Exact  Phrase\" tag:#Work/Plans path:\"My Folder\" tag: x");
        assertThat(q.terms()).containsExactly("naive", "exact  phrase", "x");
        assertThat(q.tags()).containsExactly("work/plans");
        assertThat(q.paths()).containsExactly("my folder");
        assertThat(SearchQuery.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void oneMatchPerNoteWithACountAndTheMatchesMarked() {
        IndexedNote note = IndexedNote.of(UUID.randomUUID(), "Ideas", "# Ideas\nA naïve plan, so NAIVE.\nnaive again");
        NoteMatch match = NoteMatcher.match(SearchQuery.parse("naive"), note);
        assertThat(match.count()).isEqualTo(3);
        assertThat(match.line()).isEqualTo(2);
        assertThat(match.snippet()).isEqualTo("A naïve plan, so NAIVE.");
        assertThat(match.highlights()).containsExactly(new NoteMatch.Span(2, 7), new NoteMatch.Span(17, 22));
        assertThat(note.text().substring(match.start(), match.end())).isEqualTo("naïve");
    }

    @Test
    void everyWordMustOccurAndAPhraseMatchesWhole() {
        IndexedNote note = IndexedNote.of(UUID.randomUUID(), "n", "red apples and green pears");
        assertThat(NoteMatcher.match(SearchQuery.parse("pears apples"), note)).isNotNull();
        assertThat(NoteMatcher.match(SearchQuery.parse("apples plums"), note)).isNull();
        assertThat(NoteMatcher.match(SearchQuery.parse("\"green pears\""), note)).isNotNull();
        assertThat(NoteMatcher.match(SearchQuery.parse("\"pears green\""), note)).isNull();
    }

    @Test
    void tagAndPathFilters() {
        IndexedNote tagged = IndexedNote.of(UUID.randomUUID(), "Work/Plans", "Plan #work/q1 and `#code`\n\nmore #Work/Q1");
        IndexedNote other = IndexedNote.of(UUID.randomUUID(), "Home", "nothing #home");
        NoteMatch byTag = NoteMatcher.match(SearchQuery.parse("tag:work"), tagged);
        assertThat(byTag.count()).isEqualTo(2);
        assertThat(byTag.snippet()).isEqualTo("Plan #work/q1 and `#code`");
        assertThat(byTag.highlights()).containsExactly(new NoteMatch.Span(5, 13));
        assertThat(NoteMatcher.match(SearchQuery.parse("tag:wor"), tagged)).isNull();
        assertThat(NoteMatcher.match(SearchQuery.parse("tag:work"), other)).isNull();
        assertThat(NoteMatcher.match(SearchQuery.parse("path:work/ plan"), tagged)).isNotNull();
        assertThat(NoteMatcher.match(SearchQuery.parse("path:home plan"), other)).isNull();
        NoteMatch byPath = NoteMatcher.match(SearchQuery.parse("path:home"), other);
        assertThat(byPath.count()).isZero();
        assertThat(byPath.snippet()).isEqualTo("nothing #home");
    }

    @Test
    void aLongLineIsCutAroundTheMatch() {
        String text = "x ".repeat(200) + "needle" + " y".repeat(200);
        NoteMatch match = NoteMatcher.match(SearchQuery.parse("needle"), IndexedNote.of(UUID.randomUUID(), "n", text));
        assertThat(match.snippet()).startsWith("…").endsWith("…").contains("needle");
        assertThat(match.snippet().length()).isLessThanOrEqualTo(NoteMatcher.SNIPPET_CHARS + 2);
        NoteMatch.Span span = match.highlights().get(0);
        assertThat(match.snippet().substring(span.start(), span.end())).isEqualTo("needle");
    }

    @Test
    void resultsAreOnePerNoteMostMatchesFirstAndStopWhenCancelled() {
        List<IndexedNote> notes = List.of(IndexedNote.of(UUID.randomUUID(), "b", "cat"),
                IndexedNote.of(UUID.randomUUID(), "a", "cat cat"), IndexedNote.of(UUID.randomUUID(), "c", "dog"),
                IndexedNote.of(UUID.randomUUID(), "d", "Cat"));
        NoteSearch.Results results = NoteSearch.run(notes, SearchQuery.parse("cat"), () -> false);
        assertThat(results.shown()).extracting(NoteMatch::name).containsExactly("a", "b", "d");
        assertThat(results.notes()).isEqualTo(3);
        assertThat(results.matches()).isEqualTo(4);
        List<IndexedNote> many = java.util.Collections.nCopies(200, notes.get(0));
        assertThat(NoteSearch.run(many, SearchQuery.parse("cat"), () -> true)).isNull();
    }

    @Test
    void wordsAndCharacters() {
        assertThat(TextCounts.of("Hello, world! don't 2026-12-08\n")).isEqualTo(new TextCounts(6, 30));
        assertThat(TextCounts.of("")).isEqualTo(new TextCounts(0, 0));
        assertThat(TextCounts.of("日本語 ok")).isEqualTo(new TextCounts(4, 6));
        assertThat(new TextCounts(1, 1).describe()).isEqualTo("1 word, 1 character");
    }
}
