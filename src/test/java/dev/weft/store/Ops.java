package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Short ways to write the store's inputs in tests. */
final class Ops {
    private Ops() {
    }

    static Pid pid(int site, long ident) {
        return Pid.single(site, ident);
    }

    static Atom atom(int site, long ident, char c) {
        return new Atom(pid(site, ident), c);
    }

    /** Inserts one atom per character of {@code text}, idents {@code from, from + 1, …}. */
    static List<Atom> text(int site, long from, String text) {
        return IntStream.range(0, text.length())
                .mapToObj(i -> new Atom(pid(site, from + i), text.charAt(i))).toList();
    }

    static UpsertResult upsert(Store store, UUID doc, String name, List<Atom> inserts, List<Pid> deletes) {
        return store.write(batch -> batch.upsert(doc, name, inserts, deletes));
    }

    static String textOf(DocumentChanges changes) {
        StringBuilder sb = new StringBuilder();
        changes.inserts().forEach(a -> sb.appendCodePoint(a.codePoint()));
        return sb.toString();
    }
}
