package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import dev.weft.store.StoreRepair;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose store file was damaged while it was stopped: it starts read-only and says so once,
 * writes answer 36 code 500, the damaged note is not sent (36 code 500) while the others are, an
 * editing session closes with 1013; after weft repair-store it takes writes again and serves
 * every note it kept.
 */
class ServerStoreDamageTest {
    private static final int SNOWMAN = 0x2603;

    @TempDir
    Path data;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final ServerLog log = new ServerLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));

    private WeftServer start(int port) throws Exception {
        return WeftServer.start(new ServerConfig("127.0.0.1", port, data, new ServerConfig.TlsSetting.None(),
                Limits.DEFAULT), log);
    }

    @Test
    void aDamagedStoreIsReadOnlyUntilRepaired() throws Exception {
        UUID victim = new UUID(0x8000_0000_0000_0000L, 1);
        UUID other = new UUID(0x1000_0000_0000_0000L, 1);
        UUID last = new UUID(0xF000_0000_0000_0000L, 1);
        int port;
        TestDevice device;
        List<Atom> otherText;
        try (WeftServer server = start(0)) {
            port = server.port();
            device = TestDevice.pair(server.pairingLink(), "laptop");
            TestDevice.Connection g = device.connect();
            otherText = atoms(device.site, 1, 'a', 2_000);
            assertThat(upsert(g, other, otherText)).isInstanceOf(SyncDocDone.class);
            assertThat(upsert(g, victim, atoms(device.site, 10_001, SNOWMAN, 4_000))).isInstanceOf(SyncDocDone.class);
            assertThat(upsert(g, last, atoms(device.site, 20_001, 'z', 2_000))).isInstanceOf(SyncDocDone.class);
        }
        damagePageOf(data.resolve("weft.db"), victim, List.of(other, last));
        logBytes.reset();

        try (WeftServer server = start(port)) {
            assertThat(logText()).containsOnlyOnce("the server is read-only").contains("does not match");
            TestDevice.Connection g = device.connect();
            SyncError refused = (SyncError) upsert(g, UUID.randomUUID(), atoms(device.site, 30_001, 'n', 10));
            assertThat(refused.code()).isEqualTo(500);
            assertThat(refused.message()).isEqualTo("the server's store is damaged: it is read-only until repaired");
            assertThat(pull(g, other)).isEqualTo(otherText);
            g.send(new SyncDocPull(victim, 0));
            assertThat(g.expect(SyncError.class).code()).as("not sent changed, not sent cut short").isEqualTo(500);
            assertThat(pull(g, other)).as("the connection goes on").isEqualTo(otherText);
            TestDevice.Connection session = device.connect();
            session.send(new SessionStart(0, other));
            session.send(new dev.weft.protocol.SessionInsert(device.site, new Atom(Pid.single(device.site, 40_001), 'x')));
            assertThat(session.awaitClose()).isEqualTo(1013);
            assertThat(session.closeReason).isEqualTo("the server's store is damaged: it is read-only until repaired");
            assertThat(logText()).containsOnlyOnce("the server is read-only");
        }

        StoreRepair.Report report = StoreRepair.rebuild(data);
        assertThat(report.lostNotes()).contains("note " + victim);
        assertThat(report.keptDevices()).isEqualTo(1);
        try (WeftServer server = start(port)) {
            TestDevice.Connection g = device.connect();
            assertThat(pull(g, other)).isEqualTo(otherText);
            assertThat(upsert(g, victim, atoms(device.site, 10_001, SNOWMAN, 4_000))).as("uploaded again")
                    .isInstanceOf(SyncDocDone.class);
        }
    }

    /**
     * Zeroes a page of the file that holds the victim's characters (U+2603: stored as the varint of
     * its code point + 1, {@code 84 4C}, docs/store.md) and that no other note needs: of the pages
     * that hold the most of them (freed copies of B-tree nodes hold them too), the first whose loss,
     * tried on a copy, fails a read of the victim and keeps the other notes whole.
     */
    private static void damagePageOf(Path file, UUID victim, List<UUID> others) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        List<int[]> pages = new ArrayList<>(); // page, count
        for (int page = 0; page < bytes.length / 4096; page++) {
            int count = 0;
            for (int i = page * 4096; i < (page + 1) * 4096 - 1; i++) {
                if (bytes[i] == (byte) 0x84 && bytes[i + 1] == 0x4C) {
                    count++;
                }
            }
            if (count > 0) {
                pages.add(new int[] {page, count});
            }
        }
        pages.sort((a, b) -> Integer.compare(b[1], a[1]));
        for (int[] candidate : pages) {
            Path trial = Files.createTempDirectory(file.getParent(), "trial");
            Files.copy(file, trial.resolve("weft.db"));
            zero(trial.resolve("weft.db"), candidate[0]);
            boolean fits;
            try (dev.weft.store.Store store = dev.weft.store.Store.open(trial)) {
                fits = !reads(store, victim) && others.stream().allMatch(doc -> reads(store, doc));
            } catch (dev.weft.store.StoreException e) {
                fits = false; // the file does not open at all
            }
            try (var left = Files.list(trial)) {
                for (Path f : left.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(trial);
            if (fits) {
                zero(file, candidate[0]);
                return;
            }
        }
        throw new AssertionError("no page holds the victim alone");
    }

    private static boolean reads(dev.weft.store.Store store, UUID doc) {
        try {
            return store.changesSince(doc, 0, 9).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void zero(Path file, int page) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(page * 4096L);
            f.write(new byte[4096]);
        }
    }

    /** Steps of 2 and 3, as an allocator's random steps: runs of two atoms, so each note fills B-tree nodes of its own. */
    private static List<Atom> atoms(int site, long from, int codePoint, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Atom(Pid.single(site, from + 5L * i / 2), codePoint)).toList();
    }

    private static Message upsert(TestDevice.Connection g, UUID doc, List<Atom> atoms) throws Exception {
        g.send(new SyncDocUpsert(doc, "note " + doc, 0, atoms, List.of()));
        while (true) {
            Message m = g.next();
            if (m instanceof SyncDocDone || m instanceof SyncError) {
                return m;
            }
        }
    }

    private static List<Atom> pull(TestDevice.Connection g, UUID doc) throws Exception {
        g.send(new SyncDocPull(doc, 0));
        List<Atom> pulled = new ArrayList<>();
        for (Message m : g.until(m -> m instanceof SyncDocDone || m instanceof SyncError)) {
            assertThat(m).isNotInstanceOf(SyncError.class);
            if (m instanceof SyncDocResponse response) {
                pulled.addAll(response.inserts());
            }
        }
        return pulled;
    }

    private String logText() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
