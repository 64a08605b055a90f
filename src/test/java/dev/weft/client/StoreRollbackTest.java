package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A server store put back from an older copy, or deleted (docs/client.md, "A lost or rolled-back
 * server store"): devices that hold what it lost upload it again, and a new device gets every note.
 */
class StoreRollbackTest extends LiveServerTest {
    record Device(Vault vault, SyncClient client, List<String> said) {
        void sync() throws Exception {
            client.syncOnce(PATIENCE);
        }

        NoteInfo note(String name) {
            return vault.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        }

        void append(String name, String text) throws Exception {
            var replica = vault.replica(note(name).id());
            replica.insert(replica.length(), text);
        }

        /** Every note's name and text. */
        Map<String, String> texts() throws Exception {
            Map<String, String> texts = new TreeMap<>();
            for (NoteInfo n : vault.notes()) {
                texts.put(n.name(), vault.replica(n.id()).text());
            }
            return texts;
        }
    }

    Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        List<String> said = new CopyOnWriteArrayList<>();
        client.addListener(new SyncListener() {
            @Override
            public void problem(String message) {
                said.add(message);
            }
        });
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new Device(vault, client, said);
    }

    @Test
    void aStorePutBackFromAnOlderCopyGetsEveryNoteAndEditBackFromTheDevices() throws Exception {
        Device a = device("a");
        Device b = device("b");
        a.vault().create("old", "made before the copy");
        a.sync();
        b.sync();
        int port = server.port();
        server.close();
        Path copy = copyStore(dir.resolve("copy"));
        server = restart(port);

        // after the copy: edits on both devices, a note each, a deletion
        a.append("old", ", then edited by a");
        a.vault().create("new-a", "a's note after the copy");
        a.sync();
        b.sync();
        b.append("old", ", and by b");
        b.vault().create("new-b", "b's note after the copy");
        var fromB = b.vault().replica(b.note("old").id());
        fromB.delete(0, "made ".length());
        b.sync();
        a.sync();
        assertThat(a.texts()).isEqualTo(b.texts()).hasSize(3);

        server.close();
        putBack(copy);
        a.append("new-b", " (a edited it offline)"); // the devices keep editing
        server = restart(port);
        a.sync();
        assertThat(a.said()).anyMatch(m -> m.contains("uploading 3 notes again"))
                .anyMatch(m -> m.contains("has every note of this device again"));
        b.sync();
        assertThat(b.said()).anyMatch(m -> m.contains("notes again"));
        a.sync();

        Device fresh = device("fresh");
        fresh.sync();
        Map<String, String> expected = Map.of(
                "old", "before the copy, then edited by a, and by b",
                "new-a", "a's note after the copy",
                "new-b", "b's note after the copy (a edited it offline)");
        assertThat(fresh.texts()).isEqualTo(expected);
        assertThat(a.texts()).isEqualTo(expected);
        assertThat(b.texts()).isEqualTo(expected);

        // once recovered, a device says nothing more
        int said = a.said().size();
        a.append("old", "!");
        a.sync();
        b.sync();
        assertThat(a.said()).hasSize(said);
        assertThat(b.texts().get("old")).endsWith("and by b!");
    }

    @Test
    void aDeletedStoreGetsEveryNoteBackOnceTheDevicesArePairedAgain() throws Exception {
        Device a = device("a");
        Device b = device("b");
        a.vault().create("one", "from a");
        b.vault().create("two", "from b");
        a.sync();
        b.sync();
        a.sync();
        a.append("two", ", edited by a");
        a.sync();
        b.sync();
        int port = server.port();
        server.close();
        Files.delete(dir.resolve("server").resolve("weft.db")); // tls/ stays: the same certificate
        Files.deleteIfExists(dir.resolve("server").resolve("weft.db.redo"));
        server = restart(port);

        assertThatThrownBy(a::sync).isInstanceOf(SyncException.class).hasMessageContaining("pair it again");
        b.append("one", ", edited by b offline");
        a.client().pair(server.pairingLink(), "a");
        b.client().pair(server.pairingLink(), "b");
        a.sync();
        b.sync();
        a.sync();
        assertThat(a.said()).anyMatch(m -> m.contains("holds nothing this device synced"));

        Device fresh = device("fresh");
        fresh.sync();
        Map<String, String> expected = Map.of("one", "from a, edited by b offline", "two", "from b, edited by a");
        assertThat(fresh.texts()).isEqualTo(expected);
        assertThat(a.texts()).isEqualTo(expected);
        assertThat(b.texts()).isEqualTo(expected);
    }

    @Test
    void anAtomPutBackAndDeletedByAnotherDeviceFirstIsDeletedEverywhere() throws Exception {
        Device a = device("a");
        Device b = device("b");
        Device c = device("c");
        a.sync();
        int port = server.port();
        server.close();
        Path copy = copyStore(dir.resolve("copy"));
        server = restart(port);
        c.vault().create("n", "xyz"); // c's atoms, after the copy
        c.sync();
        a.sync();
        b.sync();

        server.close();
        putBack(copy);
        server = restart(port);
        b.sync(); // b puts c's atoms back first, then deletes one
        b.vault().replica(b.note("n").id()).delete(1, 1);
        b.sync();
        // a puts them back too (the deleted one is a no-op there); no answer from a time lists that
        // delete (inserted and deleted after it), the pull from 0 after the upload does
        a.sync();
        c.sync();
        Device fresh = device("fresh");
        fresh.sync();
        assertThat(List.of(a.texts(), b.texts(), c.texts(), fresh.texts())).containsOnly(Map.of("n", "xz"));
    }

    /** The store's files as they are now (server stopped). */
    private Path copyStore(Path to) throws Exception {
        Files.createDirectories(to);
        for (String file : List.of("weft.db", "weft.db.redo")) {
            Path from = dir.resolve("server").resolve(file);
            if (Files.exists(from)) {
                Files.copy(from, to.resolve(file));
            }
        }
        return to;
    }

    /** Puts the copied store files back in place (server stopped), as a restore from a backup would. */
    private void putBack(Path copy) throws Exception {
        for (String file : List.of("weft.db", "weft.db.redo")) {
            Path to = dir.resolve("server").resolve(file);
            Files.deleteIfExists(to);
            if (Files.exists(copy.resolve(file))) {
                Files.copy(copy.resolve(file), to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
