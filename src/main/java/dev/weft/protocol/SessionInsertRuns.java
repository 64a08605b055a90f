package dev.weft.protocol;

import dev.weft.crdt.Run;
import java.util.List;

/**
 * {@code 72 session_insert_runs} (ext, docs/protocol.md §8): stands for one {@link SessionInsert} per
 * atom of its runs, in order, and counts as that many in a {@code 69}'s {@code applied}. Every run's
 * last pid pair carries {@code site}.
 *
 * @param site the author's site, 1..255
 * @param runs insert runs, in strictly increasing pid order, none starting inside another
 */
public record SessionInsertRuns(int site, List<Run> runs) implements Message {
    public static final int TYPE = 72;

    public SessionInsertRuns {
        Fields.site(site);
        runs = RunLists.insertRuns(runs, "runs");
        for (Run run : runs) {
            if (run.pids().first().site() != site) {
                throw new IllegalArgumentException("site " + site + " is not the site of the run " + run);
            }
        }
    }

    @Override
    public int type() {
        return TYPE;
    }
}
