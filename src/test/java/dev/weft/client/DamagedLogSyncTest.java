package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.WeftServer;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.VaultPaths;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §2 with a server and two devices: note n gets 30 synced edits on a, a goes offline and
 * takes in an edit appended to {@code n.md}, then n's record log is damaged (a byte flipped in the
 * middle, emptied, deleted). The old code synced a's replica without the edit over the file (or
 * left the edit unsynced, or imported the file as a second note {@code n (2)}). Now the file is
 * merged back in after the restore: the edit reaches the server and b, and the file keeps it.
 */
class DamagedLogSyncTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    WeftServer server;
    Vault vb;
    SyncClient b;
    final List<String> problems = new CopyOnWriteArrayList<>();
    /** Compact n's log after the synced edits: they go to its structure file. */
    boolean compact;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServer.start(dir.resolve("server"));
        open.add(server);
        vb = vault(dir.resolve("b"));
        b = client(vb);
        b.pair(server.pairingLink(), "b");
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SyncClient client(Vault vault) {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50),
                Duration.ofMillis(500)));
        open.add(client);
        return client;
    }

    private Vault vault(Path folder) throws IOException {
        Vault vault = Vault.open(folder, VaultOptions.defaults());
        vault.addListener(new VaultListener() {
            @Override
            public void problem(String message) {
                problems.add(message);
            }
        });
        open.add(vault);
        return vault;
    }

    private interface Damage {
        void apply(Path log) throws IOException;
    }

    /** 30 edits of n on a, synced in 6 rounds, then an edit appended to n.md offline and taken in; returns n's log. */
    private Path offlineEditThenDamage(Path aFolder, String before, Damage damage) throws Exception {
        return offlineEditThenDamage(aFolder, before, text -> text + "offline edit\n", damage);
    }

    private Path offlineEditThenDamage(Path aFolder, String before, java.util.function.UnaryOperator<String> offlineEdit,
            Damage damage) throws Exception {
        Vault va = vault(aFolder);
        SyncClient a = client(va);
        a.pair(server.pairingLink(), "a");
        UUID id = va.create("n", "").id();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String line = "synced line " + i + "\n";
            va.replica(id).insert(va.replica(id).length(), line);
            text.append(line);
            if (i % 5 == 4) {
                a.syncOnce(TIMEOUT);
            }
        }
        if (compact) {
            va.replica(id).compact(); // a structure file, for the test that damages it
        }
        a.close();
        va.close();
        assertThat(MarkdownFiles.read(aFolder.resolve("n.md"))).isEqualTo(text.toString());
        b.syncOnce(TIMEOUT);
        if (!before.isEmpty()) { // b edits n while a is offline
            UUID nb = vb.notes().get(0).id();
            vb.replica(nb).insert(0, before);
            b.syncOnce(TIMEOUT);
        }

        Path file = aFolder.resolve("n.md");
        Files.writeString(file, offlineEdit.apply(MarkdownFiles.read(file)), StandardCharsets.UTF_8);
        Vault offline = Vault.open(aFolder, VaultOptions.defaults()); // takes the edit in: pending in the log
        assertThat(offline.withPendingOps()).containsExactly(id);
        offline.close();
        Path log = new VaultPaths(aFolder).latestOps(id);
        damage.apply(log);
        return log;
    }

    /** a syncs again: the offline edit must reach the server and b, and stay in a's file. */
    private void syncsTheOfflineEdit(Path aFolder, String before, String problem, String expectedEnd) throws Exception {
        syncsTheOfflineEdit(aFolder, before + syncedLines() + expectedEnd, problem);
    }

    private void syncsTheOfflineEdit(Path aFolder, String expected, String problem) throws Exception {
        Vault va = vault(aFolder);
        SyncClient a = client(va);
        a.syncOnce(TIMEOUT);
        va.flush();
        assertThat(problems).anyMatch(p -> p.startsWith(problem));
        assertThat(va.notes()).extracting(NoteInfo::name).containsExactly("n");
        UUID id = va.notes().get(0).id();
        assertThat(va.<String>withReplica(id, r -> r.text())).isEqualTo(expected);
        assertThat(MarkdownFiles.read(aFolder.resolve("n.md"))).isEqualTo(expected);
        assertThat(va.withPendingOps()).isEmpty();

        b.syncOnce(TIMEOUT);
        vb.flush();
        assertThat(vb.notes()).extracting(NoteInfo::name).containsExactly("n");
        assertThat(MarkdownFiles.read(dir.resolve("b").resolve("n.md"))).isEqualTo(expected);

        a.close();
        va.close();
        Vault again = vault(aFolder); // nothing left to merge, the file as it is
        SyncClient a2 = client(again);
        a2.syncOnce(TIMEOUT);
        again.flush();
        assertThat(MarkdownFiles.read(aFolder.resolve("n.md"))).isEqualTo(expected);
        assertThat(again.<String>withReplica(id, r -> r.text())).isEqualTo(expected);
    }

    private static String syncedLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("synced line ").append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void aByteFlippedInTheMiddleOfTheLog() throws Exception {
        Path a = dir.resolve("a");
        offlineEditThenDamage(a, "", log -> {
            byte[] bytes = Files.readAllBytes(log);
            bytes[bytes.length / 2] ^= 0x10;
            Files.write(log, bytes);
        });
        syncsTheOfflineEdit(a, "", "The record log of n was damaged", "offline edit\n");
    }

    @Test
    void aLogTruncatedToNothing() throws Exception {
        Path a = dir.resolve("a");
        offlineEditThenDamage(a, "", log -> Files.write(log, new byte[0]));
        syncsTheOfflineEdit(a, "", "The record log of n was emptied", "offline edit\n");
    }

    @Test
    void aDeletedLogMakesNoSecondNote() throws Exception {
        Path a = dir.resolve("a");
        offlineEditThenDamage(a, "", Files::delete);
        syncsTheOfflineEdit(a, "", "The record log of n was deleted", "offline edit\n");
    }

    @Test
    void editsAnotherDeviceMadeMeanwhileAreKept() throws Exception {
        Path a = dir.resolve("a");
        offlineEditThenDamage(a, "b's line\n", log -> {
            byte[] bytes = Files.readAllBytes(log);
            bytes[bytes.length / 3] ^= 0x10;
            Files.write(log, bytes);
        });
        syncsTheOfflineEdit(a, "b's line\n", "The record log of n was damaged", "offline edit\n");
    }

    @Test
    void aLineDeletedOfflineIsDeletedEverywhere() throws Exception {
        Path a = dir.resolve("a");
        offlineEditThenDamage(a, "", text -> text.replace("synced line 1\n", "") + "offline edit\n", log -> {
            byte[] bytes = Files.readAllBytes(log);
            bytes[bytes.length * 2 / 3] ^= 0x10;
            Files.write(log, bytes);
        });
        syncsTheOfflineEdit(a, syncedLines().replace("synced line 1\n", "") + "offline edit\n",
                "The record log of n was damaged");
    }

    @Test
    void aStructureFileCutShort() throws Exception {
        Path a = dir.resolve("a");
        compact = true;
        Path log = offlineEditThenDamage(a, "", log1 -> { });
        Path structure = log.resolveSibling(log.getFileName().toString().replace(".latest_ops", ".structure"));
        byte[] bytes = Files.readAllBytes(structure);
        Files.write(structure, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        syncsTheOfflineEdit(a, "", "The structure file of n was damaged", "offline edit\n");
    }
}
