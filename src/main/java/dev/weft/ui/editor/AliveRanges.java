package dev.weft.ui.editor;

import dev.weft.crdt.Pid;
import dev.weft.vault.NoteReplica;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Where atoms still in the text stand, as sorted, merged UTF-16 ranges {@code [start, end)}. */
final class AliveRanges {
    private AliveRanges() {
    }

    static List<int[]> of(NoteReplica replica, List<Pid> pids) {
        List<int[]> single = new ArrayList<>();
        for (Pid pid : pids) {
            int start = replica.utf16Of(pid);
            if (start >= 0) {
                single.add(new int[] {start, replica.utf16After(pid)});
            }
        }
        single.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : single) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
