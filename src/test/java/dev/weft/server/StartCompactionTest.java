package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.store.Store;
import dev.weft.store.UpsertResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started on a store whose file is mostly free space (a note typed a keystroke at a time)
 * compacts it before it listens, says so in its log, and a device then pulls the note whole.
 */
class StartCompactionTest {
    @TempDir
    Path data;

    @Test
    void aServerCompactsAWastefulStoreAtStartAndServesItsNotes() throws Exception {
        UUID doc = UUID.randomUUID();
        String text;
        long lastTime;
        try (Store store = Store.open(data)) {
            StringBuilder typed = new StringBuilder();
            List<CompletableFuture<UpsertResult>> pending = new ArrayList<>();
            for (int k = 1; k <= 12_000; k++) {
                List<Pid> deletes = k % 3 == 0 ? List.of(Pid.single(3, k - 1)) : List.of();
                if (k % 3 == 0) {
                    typed.setLength(typed.length() - 1);
                }
                char c = (char) ('a' + k % 26);
                typed.append(c);
                List<Atom> inserts = List.of(new Atom(Pid.single(3, k), c));
                pending.add(store.submit(batch -> batch.upsert(doc, "typed", inserts, deletes)));
                if (pending.size() == 100) {
                    pending.forEach(CompletableFuture::join);
                    pending.clear();
                }
            }
            pending.forEach(CompletableFuture::join);
            text = typed.toString();
            lastTime = store.lastSyncTime();
        }
        long before = Files.size(data.resolve("weft.db"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data,
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), new ServerLog(new PrintStream(log, true)))) {
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("compacted the store: " + before + " bytes before");
            assertThat(Files.size(data.resolve("weft.db"))).as("of %d", before).isLessThan(before / 2);
            TestDevice.Connection reader = TestDevice.pair(server.pairingLink(), "reader").connect();
            reader.send(new SyncDocPull(doc, 0));
            TreeMap<Pid, Integer> held = new TreeMap<>();
            long time;
            while (true) {
                Message m = reader.next();
                if (m instanceof SyncDocResponse response) {
                    response.inserts().forEach(a -> held.put(a.pid(), a.codePoint()));
                    response.deletes().forEach(held::remove);
                } else if (m instanceof SyncDocDone done && done.documentId().equals(doc)) {
                    time = done.syncTime();
                    break;
                }
            }
            StringBuilder pulled = new StringBuilder();
            held.values().forEach(pulled::appendCodePoint);
            assertThat(pulled.toString()).isEqualTo(text);
            assertThat(time).as("current to the note's last change at least").isGreaterThanOrEqualTo(lastTime);
        }
    }
}
