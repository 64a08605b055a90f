package dev.weft.store;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The process {@link DurabilityTest} kills: opens the store in {@code args[0]} and, from
 * {@code args[2]} threads, writes steady batches forever: the first thread batches of up to 4,000
 * atoms, so that many commits are long enough for a kill to land inside them, the others of up to
 * 40. After each commit returns it prints
 * {@code ACK <document> <ident> <count> <deleted> <syncTime>}: atoms of site 1, idents
 * {@code ident .. ident + count - 1}, are in the document; if {@code deleted} is 1 the batch also
 * deleted ident {@code ident - 1} there (an atom of another document, so the delete arrives before
 * any insert and must stay a tombstone). Idents start at {@code args[1]} and are never used twice.
 */
public final class DurabilityWriter {
    static final UUID[] DOCUMENTS = {
        UUID.fromString("00000000-0000-0000-0000-00000000d001"),
        UUID.fromString("00000000-0000-0000-0000-00000000d002"),
        UUID.fromString("00000000-0000-0000-0000-00000000d003"),
    };

    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        Store store = Store.open(Path.of(args[0]));
        long first = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        out.println("OPEN");
        out.flush();
        for (int t = 0; t < threads; t++) {
            long base = first + t * 10_000_000L;
            int most = t == 0 ? 4_000 : 40;
            new Thread(() -> writeForever(store, base, most, out)).start();
        }
    }

    private static void writeForever(Store store, long base, int most, PrintStream out) {
        long ident = base;
        for (int n = 0; ; n++) {
            UUID doc = DOCUMENTS[n % DOCUMENTS.length];
            int count = 1 + (int) ((n * 7919L) % most);
            List<Atom> inserts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                inserts.add(new Atom(Pid.single(1, ident + i), 'a' + i % 26));
            }
            boolean delete = n % 3 == 2;
            List<Pid> deletes = delete ? List.of(Pid.single(1, ident - 1)) : List.of();
            long at = ident;
            CompletableFuture<UpsertResult> done = store.submit(b -> b.upsert(doc, "doc " + doc, inserts, deletes));
            long time = done.join().document().syncTime();
            synchronized (out) {
                out.println("ACK " + doc + " " + at + " " + count + " " + (delete ? 1 : 0) + " " + time);
                out.flush();
            }
            ident += count + 1;
        }
    }
}
