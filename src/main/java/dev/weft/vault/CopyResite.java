package dev.weft.vault;

import dev.weft.crdt.Pid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Moves one note's pending work of a copied vault under the copy's own new site (docs/vault.md,
 * "A copied vault"). The ops pending when the re-siting begins were made before the copy had a
 * site of its own: under its original's site (pending when the folder was copied: the original
 * has them too, and may still send them, or erase them unsent) or under the provisional 255 (made
 * here since). None may go up as they are: the server refuses another device's site, and two
 * copies may have made the same 255 ids. So each still-alive pending insert is deleted and its
 * character inserted again at the same place under the new site; those deletes are sent (the ops
 * are first marked sent, so a delete does not merely cancel an unsent insert), which keeps the
 * original's copy of the same insert dead if it sends it later: the text ends once, everywhere.
 * Pending deletes and the pending rename are made again, then the old ops are acknowledged.
 */
final class CopyResite {
    private CopyResite() {
    }

    static void resite(UUID id, NoteReplica r, int site, CopyMark mark) throws IOException {
        synchronized (r) {
            r.setSite(site);
            RecordLog log = r.log();
            long cutoff;
            if (mark.cutoff(id).isPresent()) {
                cutoff = mark.cutoff(id).get();
            } else {
                if (log.pendingCount() == 0) {
                    return;
                }
                cutoff = log.lastSeq();
                mark.recordCutoff(id, cutoff);
            }
            if (cutoff <= log.acknowledgedThrough()) {
                return;
            }
            List<LocalOp> before = log.pending().stream().filter(op -> op.seq() <= cutoff).toList();
            // everything pending through the cutoff is made again: the acknowledgement below drops it
            boolean renamedSince = log.pending().stream().anyMatch(op -> op.seq() > cutoff && op instanceof LocalOp.Rename);
            log.markSent(cutoff);
            List<Placed> alive = new ArrayList<>();
            List<Pid> deletes = new ArrayList<>();
            String rename = null;
            for (LocalOp op : before) {
                // of the new site too: typed between the identity and this note's turn, and acknowledged below
                if (op instanceof LocalOp.Insert i) {
                    int at = r.utf16Of(i.atom().pid());
                    if (at >= 0) { // a pid re-sited before a crash cut this short is a tombstone now
                        alive.add(new Placed(at, i.atom().codePoint()));
                    }
                } else if (op instanceof LocalOp.Delete d) {
                    deletes.add(d.pid());
                } else if (op instanceof LocalOp.Rename n) {
                    rename = n.name();
                }
            }
            alive.sort(Comparator.comparingInt(Placed::offset).reversed());
            // runs from the end, so the offsets before each run stay valid
            int i = 0;
            while (i < alive.size()) {
                int end = alive.get(i).offset() + Character.charCount(alive.get(i).codePoint());
                StringBuilder run = new StringBuilder();
                int start = end;
                while (i < alive.size() && alive.get(i).offset() + Character.charCount(alive.get(i).codePoint()) == start) {
                    run.insert(0, Character.toChars(alive.get(i).codePoint()));
                    start = alive.get(i).offset();
                    i++;
                }
                r.deleteUtf16(start, end - start);
                r.insertUtf16(start, run);
            }
            if (!deletes.isEmpty()) {
                r.redelete(deletes);
            }
            if (rename != null && !renamedSince) {
                r.rename(rename);
            }
            log.acknowledge(cutoff);
        }
    }

    private record Placed(int offset, int codePoint) {
    }
}
