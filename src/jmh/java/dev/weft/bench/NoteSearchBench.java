package dev.weft.bench;

import dev.weft.ui.notes.IndexedNote;
import dev.weft.ui.notes.NoteSearch;
import dev.weft.ui.notes.SearchQuery;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Search All Notes over the in-memory index of 10,000 notes / 50 MB ({@link TaggedNotes}): the
 * whole search, every note matched, counted, its snippet made, the results sorted, which is what
 * the dialog shows at once (its first results are all of them).
 */
@State(Scope.Benchmark)
public class NoteSearchBench extends BenchDefaults {
    @Param({"naive", "project meeting", "\"weekly review\"", "tag:area3/topic7", "path:\"area 4/\" draft", "zzzz"})
    public String query;
    private List<IndexedNote> notes;
    private SearchQuery parsed;

    @Setup
    public void index() {
        notes = TaggedNotes.index();
        parsed = SearchQuery.parse(query);
    }

    @Benchmark
    public NoteSearch.Results search() {
        return NoteSearch.run(notes, parsed, () -> false);
    }
}
