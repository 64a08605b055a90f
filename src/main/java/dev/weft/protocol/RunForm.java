package dev.weft.protocol;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * The run messages as a wire form of the seed's (docs/protocol.md §8): each one stands for the seed
 * messages it is made from, so the sync logic of both ends speaks only the seed's, and the wire of
 * a connection where both announced {@value #HEADER} turns them into runs ({@link #compact}) and
 * back ({@link #expand}). A peer that never announced gets the seed's messages, byte for byte.
 * Pure functions; immutable and thread-safe.
 */
public final class RunForm {
    /** The upgrade header both ends send to announce run messages; the 101 answers it in kind. */
    public static final String HEADER = "Weft-Runs";
    /** The header's one value. */
    public static final String VERSION = "1";

    private final int maxOps;

    /** Run messages within {@code limits}: none stands for more ops than {@link MessageCodec#maxRunOps()}. */
    public RunForm(Limits limits) {
        this.maxOps = MessageCodec.maxRunOps(limits);
    }

    /** Whether {@code m} is a run message: only on a connection where both ends announced runs. */
    public static boolean isRun(Message m) {
        return m instanceof SyncDocUpsertRuns || m instanceof SyncDocResponseRuns || m instanceof SessionInsertRuns
                || m instanceof SessionDeleteRanges;
    }

    /** The ops (atoms and pids) a run message stands for; 0 for any other message. */
    public static long ops(Message m) {
        if (m instanceof SyncDocUpsertRuns u) {
            return atoms(u.inserts()) + pids(u.deletes());
        } else if (m instanceof SyncDocResponseRuns r) {
            return atoms(r.inserts()) + pids(r.deletes());
        } else if (m instanceof SessionInsertRuns i) {
            return atoms(i.runs());
        } else if (m instanceof SessionDeleteRanges d) {
            return pids(d.ranges());
        }
        return 0;
    }

    /**
     * {@code messages} for a peer that speaks runs: each {@code 2} and {@code 33}, and each stretch of
     * {@code 65}s (or {@code 66}s) of one site, as runs where that is shorter on the wire; everything
     * else as it is. A stretch that inserts one pid twice stays as it is (it counts in {@code 69}).
     */
    public List<Message> compact(List<? extends Message> messages) {
        List<Message> out = new ArrayList<>(messages.size());
        int i = 0;
        while (i < messages.size()) {
            Message m = messages.get(i);
            if (m instanceof SessionInsert || m instanceof SessionDelete) {
                int end = i + 1;
                while (end < messages.size() && end - i < maxOps && sameStretch(m, messages.get(end))) {
                    end++;
                }
                stretch(messages.subList(i, end), out);
                i = end;
                continue;
            }
            out.add(m instanceof SyncDocUpsert u ? shorter(u, upsertRuns(u))
                    : m instanceof SyncDocResponse r ? shorter(r, responseRuns(r)) : m);
            i++;
        }
        return out;
    }

    /** {@code messages} with every run message replaced by the seed messages it stands for. */
    public static List<Message> expand(List<Message> messages) {
        boolean any = false;
        for (Message m : messages) {
            any |= isRun(m);
        }
        if (!any) {
            return messages;
        }
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            if (m instanceof SyncDocUpsertRuns u) {
                out.add(new SyncDocUpsert(u.documentId(), u.name(), u.lastSyncTime(), RunLists.atoms(u.inserts()),
                        RunLists.pids(u.deletes())));
            } else if (m instanceof SyncDocResponseRuns r) {
                out.add(new SyncDocResponse(r.documentId(), r.name(), RunLists.atoms(r.inserts()),
                        RunLists.pids(r.deletes())));
            } else if (m instanceof SessionInsertRuns i) {
                for (Atom atom : RunLists.atoms(i.runs())) {
                    out.add(new SessionInsert(i.site(), atom));
                }
            } else if (m instanceof SessionDeleteRanges d) {
                for (Pid pid : RunLists.pids(d.ranges())) {
                    out.add(new SessionDelete(d.site(), pid));
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean sameStretch(Message first, Message next) {
        if (first instanceof SessionInsert a) {
            return next instanceof SessionInsert b && a.site() == b.site();
        }
        return next instanceof SessionDelete b && ((SessionDelete) first).site() == b.site();
    }

    private static void stretch(List<? extends Message> ops, List<Message> out) {
        Message runs;
        if (ops.get(0) instanceof SessionInsert first) {
            List<Atom> atoms = new ArrayList<>(ops.size());
            for (Message m : ops) {
                atoms.add(((SessionInsert) m).atom());
            }
            runs = RunLists.repeats(atoms.stream().map(Atom::pid).toList()) ? null
                    : new SessionInsertRuns(first.site(), RunLists.runsOf(atoms));
        } else {
            List<Pid> pids = new ArrayList<>(ops.size());
            for (Message m : ops) {
                pids.add(((SessionDelete) m).pid());
            }
            runs = RunLists.repeats(pids) ? null
                    : new SessionDeleteRanges(((SessionDelete) ops.get(0)).site(), RunLists.rangesOf(pids));
        }
        long seedBytes = 0;
        for (Message m : ops) {
            seedBytes += m instanceof SessionInsert i ? 2 + atomBytes(i.atom()) : 2 + pidBytes(((SessionDelete) m).pid());
        }
        if (runs != null && MessageCodec.encodedSize(runs) < seedBytes) {
            out.add(runs);
        } else {
            out.addAll(ops);
        }
    }

    private SyncDocUpsertRuns upsertRuns(SyncDocUpsert u) {
        if (u.inserts().size() + (long) u.deletes().size() > maxOps) {
            return null;
        }
        return new SyncDocUpsertRuns(u.documentId(), u.name(), u.lastSyncTime(), RunLists.runsOf(u.inserts()),
                RunLists.rangesOf(u.deletes()));
    }

    private SyncDocResponseRuns responseRuns(SyncDocResponse r) {
        if (r.inserts().size() + (long) r.deletes().size() > maxOps) {
            return null;
        }
        return new SyncDocResponseRuns(r.documentId(), r.name(), RunLists.runsOf(r.inserts()),
                RunLists.rangesOf(r.deletes()));
    }

    /** {@code runs} if it is shorter on the wire than {@code seed}, else {@code seed}. */
    private static Message shorter(Message seed, Message runs) {
        return runs != null && MessageCodec.encodedSize(runs) < seedBytes(seed) ? runs : seed;
    }

    /** The encoded size of a {@code 2} or {@code 33}, counted without encoding it. */
    private static long seedBytes(Message seed) {
        String name;
        List<Atom> inserts;
        List<Pid> deletes;
        long fixed;
        if (seed instanceof SyncDocUpsert u) {
            name = u.name();
            inserts = u.inserts();
            deletes = u.deletes();
            fixed = 1 + 16 + 1 + 8 + 8 + 8;
        } else {
            SyncDocResponse r = (SyncDocResponse) seed;
            name = r.name();
            inserts = r.inserts();
            deletes = r.deletes();
            fixed = 1 + 16 + 1 + 8 + 8;
        }
        long bytes = fixed + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (Atom atom : inserts) {
            bytes += atomBytes(atom);
        }
        for (Pid pid : deletes) {
            bytes += pidBytes(pid);
        }
        return bytes;
    }

    private static long atomBytes(Atom atom) {
        int cp = atom.codePoint();
        return 1 + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4) + pidBytes(atom.pid());
    }

    private static long pidBytes(Pid pid) {
        return 1 + (long) ByteReader.PAIR_BYTES * pid.depth();
    }

    private static long atoms(List<Run> runs) {
        long n = 0;
        for (Run run : runs) {
            n += run.count();
        }
        return n;
    }

    private static long pids(List<PidRange> ranges) {
        long n = 0;
        for (PidRange range : ranges) {
            n += range.count();
        }
        return n;
    }
}
