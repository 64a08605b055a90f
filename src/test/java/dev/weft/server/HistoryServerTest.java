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

    private static List<Atom> typed(int site, long from, String text) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            atoms.add(new Atom(Pid.single(site, from + i), text.charAt(i)));
        }
        return atoms;
    }
}
