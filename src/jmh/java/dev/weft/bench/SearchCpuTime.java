package dev.weft.bench;

import dev.weft.ui.notes.IndexedNote;
import dev.weft.ui.notes.NoteSearch;
import dev.weft.ui.notes.SearchQuery;
import dev.weft.ui.notes.TagIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The figures of {@link NoteSearchBench} and {@link TagIndexBench} as the thread's CPU time besides
 * wall time (median of 30 after 20 warm-up runs), for a shared machine where other work stretches
 * wall time: {@code java -Xmx2g -cp target/weft-benchmarks.jar dev.weft.bench.SearchCpuTime}.
 */
public final class SearchCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SearchCpuTime() {
    }

    public static void main(String[] args) {
        List<IndexedNote> notes = TaggedNotes.index();
        long chars = notes.stream().mapToLong(n -> n.text().length()).sum();
        System.out.printf("%,d notes, %,d characters%n", notes.size(), chars);
        for (String query : List.of("naive", "project meeting", "\"weekly review\"", "tag:area3/topic7",
                "path:\"area 4/\" draft", "zzzz")) {
            SearchQuery parsed = SearchQuery.parse(query);
            report("search " + query, () -> NoteSearch.run(notes, parsed, () -> false));
        }
        TagIndex tags = new TagIndex();
        notes.forEach(n -> tags.put(n.id(), n.tags()));
        String[] texts = {notes.get(0).text(), notes.get(0).text() + " #area3/new-topic"};
        int[] turn = {0};
        report("tags after one note changed", () -> {
            IndexedNote changed = IndexedNote.of(notes.get(0).id(), notes.get(0).name(), texts[++turn[0] & 1]);
            tags.put(changed.id(), changed.tags());
            tags.counts();
        });
    }

    private static void report(String what, Runnable run) {
        for (int i = 0; i < 20; i++) {
            run.run();
        }
        long[] wall = new long[30];
        long[] cpu = new long[30];
        for (int i = 0; i < wall.length; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            run.run();
            wall[i] = System.nanoTime() - w;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-32s wall %7.2f ms  cpu %7.2f ms (medians)%n", what, wall[15] / 1e6, cpu[15] / 1e6);
    }
}
