package dev.weft.store;

import static dev.weft.store.Ops.atom;
import static dev.weft.store.Ops.pid;
import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.textOf;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull rule of docs/protocol.md §4 and the CRDT rules of §2 as the store applies them. */
class PullTest {
    @TempDir
    Path dir;
    Store store;
    final UUID doc = UUID.randomUUID();

    @BeforeEach
    void open() {
        store = Store.open(dir, new ManualClock(5_000_000));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long apply(List<Atom> inserts, List<Pid> deletes) {
        return upsert(store, doc, "doc", inserts, deletes).document().syncTime();
    }

    private DocumentChanges pull(long since, int site) {
        return store.changesSince(doc, since, site).orElseThrow();
    }

    @Test
    void aDeleteBeforeItsInsertKeepsTheAtomDead() {
        apply(List.of(), List.of(pid(1, 7)));
        UpsertResult late = upsert(store, doc, null, List.of(atom(1, 7, 'x')), List.of());
        assertThat(late.changed()).isFalse();
        assertThat(pull(0, 2).inserts()).isEmpty();
        assertThat(pull(0, 2).deletes()).as("no other device can hold it").isEmpty();
        assertThat(pull(0, 1).deletes()).as("its author may hold it").containsExactly(pid(1, 7));
    }

    @Test
    void insertsAndDeletesAreIdempotent() {
        long first = apply(text(1, 1, "ab"), List.of());
        UpsertResult again = upsert(store, doc, "doc", text(1, 1, "ab"), List.of());
        assertThat(again.changed()).isFalse();
        assertThat(again.document().syncTime()).isEqualTo(first);
        long deleted = apply(List.of(), List.of(pid(1, 1)));
        assertThat(upsert(store, doc, null, List.of(atom(1, 1, 'z')), List.of(pid(1, 1))).changed()).isFalse();
        assertThat(textOf(pull(0, 3))).isEqualTo("b");
        assertThat(store.document(doc).orElseThrow().syncTime()).isEqualTo(deleted);
    }

    @Test
    void aPullSendsTheNetChangeAndDeletesOnlyWhatTheDeviceMayHold() {
        long l = apply(text(1, 1, "abc"), List.of());
        apply(List.of(atom(1, 4, 'd')), List.of());
        apply(List.of(atom(2, 1, 'x')), List.of());
        apply(List.of(atom(3, 1, 'e')), List.of(pid(1, 2)));
        apply(List.of(), List.of(pid(1, 4)));
        long last = apply(List.of(), List.of(pid(2, 1)));

        DocumentChanges toSite2 = pull(l, 2);
        assertThat(toSite2.inserts()).containsExactly(atom(3, 1, 'e'));
        assertThat(toSite2.deletes()).as("b was held; x is site 2's own").containsExactly(pid(2, 1), pid(1, 2));
        assertThat(toSite2.document().syncTime()).isEqualTo(last);
        assertThat(pull(l, 1).deletes()).as("d is site 1's own").containsExactly(pid(1, 2), pid(1, 4));
        assertThat(pull(l, 3).deletes()).containsExactly(pid(1, 2));
        assertThat(pull(l, 3).inserts()).containsExactly(atom(3, 1, 'e'));

        assertThat(textOf(pull(0, 3))).as("e (ident 1) sorts before c (ident 3)").isEqualTo("aec");
        assertThat(pull(0, 3).deletes()).isEmpty();
        assertThat(pull(0, 2).deletes()).containsExactly(pid(2, 1));
        assertThat(pull(0, 1).deletes()).containsExactly(pid(1, 2), pid(1, 4));
        assertThat(pull(last, 1).inserts()).isEmpty();
        assertThat(pull(last, 1).deletes()).isEmpty();
    }

    @Test
    void aPullComesInPidOrderWhateverTheOrderOfArrival() {
        Pid deep = Pid.of(Pid.key(2, 5), Pid.key(1, 9));
        Pid prefix = pid(2, 5);
        Pid high = pid(1, 0xFFFF_FFFFL);
        long l = apply(List.of(new Atom(high, 'z')), List.of());
        apply(List.of(new Atom(deep, 'c')), List.of());
        apply(List.of(new Atom(prefix, 'b'), atom(1, 3, 'a')), List.of());
        assertThat(pull(l, 9).inserts()).extracting(Atom::pid).containsExactly(pid(1, 3), prefix, deep);
        assertThat(textOf(pull(0, 9))).isEqualTo("abcz");
    }

    @Test
    void anUnknownDocumentHasNoChanges() {
        assertThat(store.changesSince(UUID.randomUUID(), 0, 1)).isEmpty();
    }

    @Test
    void theSynclistIsInTimeOrderAndAChangeMovesADocumentToTheEnd() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        long ta = upsert(store, a, "a", List.of(), List.of()).document().syncTime();
        long tb = upsert(store, b, "b", List.of(), List.of()).document().syncTime();
        assertThat(store.changedSince(0, 10)).containsExactly(new SyncEntry(ta, a), new SyncEntry(tb, b));
        long ta2 = upsert(store, a, null, text(1, 1, "x"), List.of()).document().syncTime();
        assertThat(store.changedSince(0, 10)).containsExactly(new SyncEntry(tb, b), new SyncEntry(ta2, a));
        assertThat(store.changedSince(0, 1)).containsExactly(new SyncEntry(tb, b));
        assertThat(store.changedSince(tb, 10)).containsExactly(new SyncEntry(ta2, a));
        assertThat(store.changedSince(ta2, 10)).isEmpty();
        assertThat(store.changedSince(-1, 10)).as("u64 beyond any time").isEmpty();
    }

    @Test
    void keystrokesFoldIntoOneHistoryEntryAndAPullInsideItSendsOnlyWhatCameAfter() {
        long[] times = new long[40];
        for (int i = 0; i < times.length; i++) {
            times[i] = apply(List.of(atom(1, 1 + i, (char) ('a' + i % 26))), List.of());
        }
        long backspace = apply(List.of(), List.of(pid(1, 40)));
        assertThat(textOf(pull(times[29], 2))).isEqualTo("efghijklm");
        assertThat(pull(times[29], 2).deletes()).as("inserted after the pull's time: never held").isEmpty();
        assertThat(pull(times[39], 2).inserts()).isEmpty();
        assertThat(pull(times[39], 2).deletes()).containsExactly(pid(1, 40));
        assertThat(pull(backspace, 2).inserts()).isEmpty();
        assertThat(pull(backspace, 2).deletes()).isEmpty();
        assertThat(textOf(pull(0, 2))).hasSize(39);
        store.close();
        try (StoreFiles files = StoreFiles.open(dir)) {
            assertThat(files.tables.history).as("one entry for 41 changes").hasSize(1);
        }
        store = Store.open(dir, new ManualClock(9_000_000));
    }
}
