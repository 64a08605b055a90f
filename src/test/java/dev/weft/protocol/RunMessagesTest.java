package dev.weft.protocol;

import static dev.weft.protocol.RunGoldenVectorsTest.pid;
import static dev.weft.protocol.RunGoldenVectorsTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Run messages (docs/protocol.md §8): bad input is refused with 1002 before anything is allocated
 * for it, and {@link RunForm} turns seed messages into runs that stand for exactly them, never
 * longer on the wire.
 */
class RunMessagesTest {
    private final MessageCodec codec = new MessageCodec();

    private void refused(String reason, String... hex) {
        assertThatThrownBy(() -> codec.decodeFrame(Hex.bytes(hex)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.closeCode()).isEqualTo(1002);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void malformedRunsCloseWithProtocolError() {
        // a count of runs the bytes left cannot hold
        refused("number_of_delete_ranges", "49 03 ffffffff0f 01");
        // a run of more atoms than bytes of text left
        refused("exceeds the", "48 02 01 81c03e 01 0200000001 01 61");
        // a varint not in its shortest form
        refused("shortest form", "49 03 8100 01 0100000003");
        // a stride that runs past ident 2^32-1
        refused("passes ident", "49 03 01 8108 01 01fffffffe 02");
        refused("passes ident", "49 03 01 8108 01 0100000001 8080808010");
        // keep more pairs than the previous pid has (the first item has none)
        refused("keeps 1 pairs", "49 03 01 05 00");
        // a second range that starts inside the first (they cross), or before it
        refused("does not start after", "49 03 02 8108 01 0100000003 02 01 01 0100000004");
        refused("does not start after", "49 03 02 01 01 0100000009 01 01 0100000002");
        // the same pid written another way (no step where one is due)
        refused("one encoding", "49 03 02 01 01 0100000003 01 01 0100000009");
        // an inserted run whose last site is not the sender's
        refused("not the sender site", "48 02 01 01 01 0300000001 61");
        // a fresh pair of site 0, a run text that is no UTF-8
        refused("site 0", "49 03 01 01 01 0000000003");
        refused("UTF-8", "48 02 01 01 01 0200000001 ff");
    }

    @Test
    void aFrameStandsForNoMoreOpsThanSeedMessagesOfItsSizeCould() throws Exception {
        // one range of 2^21 deletes in 9 bytes is fine; 3 such are more than 16 MiB / 6
        SessionDeleteRanges big = new SessionDeleteRanges(3, List.of(new PidRange(pid(1, 0), 1, 1 << 21)));
        assertThat(codec.decodeFrame(codec.encode(big))).containsExactly(big);
        SessionDeleteRanges more = new SessionDeleteRanges(3, List.of(new PidRange(pid(1, 0), 1, 1 << 21),
                new PidRange(pid(1, 1 << 22), 1, 1 << 21)));
        assertThatThrownBy(() -> codec.decodeFrame(codec.encode(big, more)))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.closeCode()).isEqualTo(1002);
                    assertThat(e.reason()).contains("more than " + codec.maxRunOps() + " ops");
                });
        assertThat(codec.maxRunOps()).isEqualTo((16 << 20) / 6);
    }

    /** A document typed the way today's allocator leaves it: one level per stretch, idents stepping by 1..40. */
    static List<Atom> typed(SplittableRandom random, int n, int site) {
        List<Atom> atoms = new ArrayList<>();
        long top = 1;
        while (atoms.size() < n) {
            top += 1 + random.nextInt(1000);
            long ident = random.nextInt(100);
            int stretch = 1 + random.nextInt(30);
            boolean fixed = random.nextBoolean();
            for (int i = 0; i < stretch && atoms.size() < n; i++) {
                ident += fixed ? 3 : 1 + random.nextInt(40);
                int cp = random.nextInt(10) == 0 ? 0x4e00 + random.nextInt(100) : 'a' + random.nextInt(26);
                atoms.add(new Atom(Pid.of(Pid.key(1 + random.nextInt(2), top), Pid.key(site, ident)), cp));
            }
        }
        return atoms;
    }

    @Test
    void compactedMessagesStandForTheSameOpsAndAreNeverLonger() throws Exception {
        RunForm form = new RunForm(Limits.DEFAULT);
        SplittableRandom random = new SplittableRandom(14);
        UUID doc = UUID.randomUUID();
        for (int round = 0; round < 200; round++) {
            List<Atom> inserts = typed(random, random.nextInt(60), 2);
            List<Pid> deletes = new ArrayList<>();
            for (Atom a : typed(random, random.nextInt(20), 1 + random.nextInt(3))) {
                deletes.add(a.pid());
            }
            List<Message> seed = new ArrayList<>();
            seed.add(new SyncDocUpsert(doc, "n", 9, inserts, deletes));
            seed.add(new SyncDocResponse(doc, "n", inserts, deletes));
            for (Atom a : new ArrayList<>(new java.util.LinkedHashSet<>(inserts))) {
                seed.add(new SessionInsert(2, a));
            }
            for (Pid p : new HashSet<>(deletes)) {
                seed.add(new SessionDelete(3, p));
            }
            List<Message> compact = form.compact(seed);
            assertThat(codec.encode(compact).length).isLessThanOrEqualTo(codec.encode(seed).length);
            List<Message> back = codec.decodeFrame(codec.encode(compact));
            assertThat(back).isEqualTo(compact);
            List<Message> expanded = RunForm.expand(back);
            assertThat(ops(expanded, true)).isEqualTo(ops(seed, true));
            assertThat(ops(expanded, false)).isEqualTo(ops(seed, false));
            assertThat(expanded.stream().filter(m -> m instanceof SessionInsert || m instanceof SessionDelete).count())
                    .isEqualTo(seed.stream().filter(m -> m instanceof SessionInsert || m instanceof SessionDelete).count());
        }
    }

    @Test
    void longRunsCostAboutTheirText() {
        RunForm form = new RunForm(Limits.DEFAULT);
        String text = "# A note\n\nTyped in one go, so its pids step by one stride on one level.\n".repeat(40);
        List<Atom> atoms = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
            atoms.add(new Atom(Pid.of(Pid.key(1, 77), Pid.key(2, 100 + 16L * k)), cps[k]));
        }
        List<Message> out = form.compact(List.of(new SyncDocResponse(UUID.randomUUID(), "n", atoms, List.of())));
        assertThat(out.get(0)).isInstanceOf(SyncDocResponseRuns.class);
        assertThat(codec.encode(out).length).isLessThan(text.length() + 40);
    }

    /** The set of inserted atoms (first one of a pid), or of deleted pids, of {@code messages}. */
    private static java.util.Set<Object> ops(List<Message> messages, boolean inserts) {
        java.util.Map<Pid, Object> seen = new java.util.HashMap<>();
        for (Message m : messages) {
            List<?> items = List.of();
            if (m instanceof SyncDocUpsert u) {
                items = inserts ? u.inserts() : u.deletes();
            } else if (m instanceof SyncDocResponse r) {
                items = inserts ? r.inserts() : r.deletes();
            } else if (m instanceof SessionInsert i && inserts) {
                items = List.of(i.atom());
            } else if (m instanceof SessionDelete d && !inserts) {
                items = List.of(d.pid());
            }
            for (Object o : items) {
                Pid p = o instanceof Atom a ? a.pid() : (Pid) o;
                seen.putIfAbsent(p, List.of(m.type() < 64 ? "doc" : "session", o));
            }
        }
        return new HashSet<>(seen.values());
    }
}
