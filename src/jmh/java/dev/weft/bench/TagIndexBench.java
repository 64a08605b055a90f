package dev.weft.bench;

import dev.weft.ui.notes.IndexedNote;
import dev.weft.ui.notes.TagIndex;
import java.util.List;
import java.util.SortedMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Tags panel's work after one note of a 10,000-note vault changes ({@code NoteIndex.drain}):
 * the note read again (folded, its tags parsed), its tags swapped in the {@link TagIndex}, and the
 * counts copied for the panel. The note alternates between two texts so every change is real.
 */
@State(Scope.Benchmark)
public class TagIndexBench extends BenchDefaults {
    private final TagIndex tags = new TagIndex();
    private List<IndexedNote> notes;
    private String[] texts;
    private int turn;

    @Setup
    public void index() {
        notes = TaggedNotes.index();
        notes.forEach(n -> tags.put(n.id(), n.tags()));
        String text = notes.get(0).text();
        texts = new String[] {text, text + " #area3/new-topic"};
    }

    @Benchmark
    public SortedMap<String, Integer> oneNoteChanged() {
        IndexedNote changed = IndexedNote.of(notes.get(0).id(), notes.get(0).name(), texts[++turn & 1]);
        tags.put(changed.id(), changed.tags());
        return tags.counts();
    }
}
