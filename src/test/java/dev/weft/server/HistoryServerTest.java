package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.HistoryList;
import dev.weft.protocol.HistoryPull;
import dev.weft.protocol.HistoryText;
import dev.weft.protocol.HistoryVersions;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history requests of docs/protocol.md §10 against a real server: answers, 404, and 1002 for bad frames. */
class HistoryServerTest {
    private static final UUID DOC = new UUID(7, 7);
    @TempDir
    Path data;
    WeftServer server;

    @BeforeEach
    void start() throws Exception {
        server = ServerEndToEndTest.start(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void versionsAndTheTextAsOfATimeWithTheDevicesNamed() throws Exception {
        TestDevice laptop = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice phone = TestDevice.pair(server.pairingLink(), "phone");
        TestDevice.Connection l = laptop.connect();
        TestDevice.Connection p = phone.connect();
        List<Atom> hello = typed(laptop.site, 1, "hello");
        l.send(new SyncDocUpsert(DOC, "plans", 0, hello, List.of()));
        l.done();
        p.send(new SyncDocUpsert(DOC, "plans", 0, typed(phone.site, 100, " world"), List.of()));
        long bothTyped = p.done().syncTime();
        l.send(new SyncDocUpsert(DOC, "plans", bothTyped, List.of(), hello.stream().map(Atom::pid).toList()));
        long deleted = l.done().syncTime();

        p.send(new HistoryList(DOC));
        HistoryVersions versions = p.expect(HistoryVersions.class);
        assertThat(versions.versions()).singleElement().satisfies(v -> {
            assertThat(v.devices()).containsExactly(laptop.site < phone.site ? "laptop" : "phone",
                    laptop.site < phone.site ? "phone" : "laptop");
            assertThat(v.inserted()).isEqualTo(11);
            assertThat(v.deleted()).isEqualTo(5);
            assertThat(v.to()).isEqualTo(deleted);
        });
        p.send(new HistoryPull(DOC, bothTyped));
        HistoryText before = p.expect(HistoryText.class);
        assertThat(before.text()).isEqualTo("hello world");
        assertThat(before.authors()).containsExactly(new HistoryText.Author(5, "laptop"), new HistoryText.Author(6, "phone"));
        p.send(new HistoryPull(DOC, deleted));
        assertThat(p.expect(HistoryText.class).text()).isEqualTo(" world");
        p.send(new HistoryPull(new UUID(9, 9), deleted));
        assertThat(p.expect(SyncError.class).code()).isEqualTo(404);
    }

    @Test
    void aMalformedRequestOrAnAnswerFromADeviceClosesThatConnection() throws Exception {
        TestDevice laptop = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection cut = laptop.connect();
        byte[] pull = new MessageCodec().encode(new HistoryPull(DOC, 5));
        cut.sendRaw(Arrays.copyOf(pull, pull.length - 3));
        assertThat(cut.awaitClose()).isEqualTo(1002);
        TestDevice.Connection answering = laptop.connect();
        answering.send(new HistoryVersions(DOC, List.of()));
        assertThat(answering.awaitClose()).isEqualTo(1002);
        TestDevice.Connection fine = laptop.connect(); // the device itself is still welcome
        fine.send(new HistoryList(DOC));
        assertThat(fine.expect(SyncError.class).code()).isEqualTo(404);
    }

    /** {@code --history-days}: text deleted longer ago is forgotten, the current text and what devices get are not. */
    @Test
    void historyDaysForgetsOldDeletedTextOnly() throws Exception {
        TestDevice laptop = TestDevice.pair(server.pairingLink(), "laptop");
        TestDevice.Connection l = laptop.connect();
        List<Atom> hello = typed(laptop.site, 1, "hello");
        List<Atom> world = typed(laptop.site, 100, " world");
        List<Atom> both = new ArrayList<>(hello);
        both.addAll(world);
        l.send(new SyncDocUpsert(DOC, "plans", 0, both, List.of()));
        long typed = l.done().syncTime();
        l.send(new SyncDocUpsert(DOC, "plans", typed, List.of(), hello.stream().map(Atom::pid).toList()));
        long deleted = l.done().syncTime();
        long day = HistoryExpiry.MICROS_PER_DAY;

        assertThat(server.expireHistoryAt(deleted + day, 1)).as("deleted exactly a day ago: kept").isZero();
        assertThat(server.expireHistoryAt(deleted + day + 1, 0 + 2)).isZero();
        assertThat(textAt(l, typed)).isEqualTo("hello world");
        assertThat(server.expireHistoryAt(deleted + day + 1, 1)).isEqualTo(5);
        assertThat(textAt(l, typed)).isEqualTo(" world");
        assertThat(textAt(l, deleted)).isEqualTo(" world");
        l.send(new HistoryList(DOC));
        assertThat(l.expect(HistoryVersions.class).versions()).singleElement()
                .satisfies(v -> assertThat(v.inserted()).isEqualTo(6));
        assertThat(server.expireHistoryAt(deleted + 10 * day, 1)).as("forgotten once").isZero();
        TestDevice.Connection fresh = laptop.connect(); // a device syncing from 0 gets the text as before
        fresh.send(new dev.weft.protocol.SyncDocPull(DOC, 0));
        StringBuilder text = new StringBuilder();
        for (var m : fresh.until(m -> m instanceof dev.weft.protocol.SyncDocDone)) {
            if (m instanceof dev.weft.protocol.SyncDocResponse r) {
                r.inserts().forEach(a -> text.appendCodePoint(a.codePoint()));
            }
        }
        assertThat(text.toString()).isEqualTo(" world");
    }

    private static String textAt(TestDevice.Connection c, long at) throws Exception {
        c.send(new HistoryPull(DOC, at));
        return c.expect(HistoryText.class).text();
    }

    private static List<Atom> typed(int site, long from, String text) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            atoms.add(new Atom(Pid.single(site, from + i), text.charAt(i)));
        }
        return atoms;
    }
}
