package dev.weft.bench;

import dev.weft.ui.links.LinkIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Backlinks panel of a 10,000-note vault after a change (docs/ui.md): one note's text changes
 * in the {@link LinkIndex} (a link to the open note added or taken out, in turn), then the open
 * note's linked and unlinked mentions are computed, as {@code LinkIndexFeed} does after each edit.
 * Notes of {@code noteBytes} of {@link MarkdownText} in 100 folders, three wikilinks each to random
 * notes, some by folder path; the open note's name appears as plain text in about 1 note in 100.
 */
@State(Scope.Benchmark)
public class LinkIndexBench extends BenchDefaults {
    private static final int NOTES = 10_000;

    @Param({"5000"})
    public int noteBytes;

    private final LinkIndex index = new LinkIndex();
    private final List<UUID> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private UUID open;
    private int turn;

    @Setup
    public void build() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < NOTES; i++) {
            ids.add(UUID.randomUUID());
            names.add("area " + i / 1000 + "/topic " + i / 100 + "/Plan " + i);
        }
        for (int i = 0; i < NOTES; i++) {
            StringBuilder text = new StringBuilder(MarkdownText.generate(random, noteBytes));
            for (int l = 0; l < 3; l++) {
                int to = random.nextInt(NOTES);
                text.append(l == 0 ? "\nSee [[" + names.get(to) + "|this]]" : " and [[Plan " + to + "]]");
            }
            if (random.nextInt(100) == 0) {
                text.append("\nAs Plan 4242 says.");
            }
            texts.add(text.append('\n').toString());
            index.put(ids.get(i), names.get(i), texts.get(i));
        }
        open = ids.get(4242);
    }

    @Benchmark
    public LinkIndex.Backlinks changeThenBacklinks() {
        int changed = turn++ % NOTES;
        String text = texts.get(changed) + (turn % 2 == 0 ? "[[Plan 4242]]\n" : "");
        index.put(ids.get(changed), names.get(changed), text);
        return index.backlinks(open);
    }

    @Benchmark
    public LinkIndex.Backlinks backlinksOnly() {
        return index.backlinks(open);
    }
}
