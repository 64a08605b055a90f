package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.WeftServer;
import dev.weft.testing.SmallDisk;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §9 by hand, with a server and two devices: device a's vault is on a 3 MB tmpfs that
 * fills while two pulled notes wait for their files, and closing cannot write its index. The old
 * code could not open a on the full disk, and once there was space trashed the two notes as
 * deleted by the user, and b went from 100 notes to 98. Now a opens on the full disk, writes the
 * files once there is space, and b keeps its 100.
 */
class UnwrittenFileSyncTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Files written long after a change, the index a minute after: the disk fills before either. */
    static final VaultOptions LATE = VaultOptions.defaults().withWriteDelays(Duration.ofSeconds(30),
            Duration.ofSeconds(60)).withIndexDelay(Duration.ofMinutes(1));

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (IOException e) {
                // a vault closed on the full disk already said so
            }
        }
    }

    private SyncClient client(Vault vault) {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50),
                Duration.ofMillis(500)));
        open.add(client);
        return client;
    }

    private Vault vault(Path folder, VaultOptions options) throws IOException {
        Vault vault = Vault.open(folder, options);
        open.add(vault);
        return vault;
    }

    @Test
    void notesWhoseFilesAFullDiskKeptAreWrittenLaterAndNotTrashedOnAnyDevice() throws Exception {
        WeftServer server = LoopbackServer.start(dir.resolve("server"));
        open.add(server);
        SmallDisk disk = SmallDisk.mount(dir, 3);
        open.add(disk);
        Path aFolder = disk.dir().resolve("a");
        Vault vb = vault(dir.resolve("b"), VaultOptions.defaults());
        SyncClient b = client(vb);
        b.pair(server.pairingLink(), "b");
        for (int i = 0; i < 98; i++) {
            vb.create("note " + i, "text of note " + i + "\n");
        }
        b.syncOnce(TIMEOUT);
        Vault va = vault(aFolder, VaultOptions.defaults());
        SyncClient a = client(va);
        a.pair(server.pairingLink(), "a");
        a.syncOnce(TIMEOUT);
        a.close();
        va.close(); // 98 files and the index written

        vb.create("note 98", "text of note 98\n");
        vb.create("note 99", "text of note 99\n");
        b.syncOnce(TIMEOUT);
        va = vault(aFolder, LATE);
        a = client(va);
        a.syncOnce(TIMEOUT); // the two notes' logs, their files not yet
        a.close();
        disk.fill();
        IOException closing = null;
        try {
            va.close();
        } catch (IOException e) {
            closing = e;
        }
        assertThat(closing).as("the index cannot be written on the full disk").isNotNull();
        assertThat(aFolder.resolve("note 98.md")).doesNotExist();

        va = vault(aFolder, LATE); // opens on the full disk
        assertThat(va.notes()).hasSize(100).noneMatch(NoteInfo::trashed);
        disk.free();
        va.close();

        va = vault(aFolder, VaultOptions.defaults());
        a = client(va);
        a.syncOnce(TIMEOUT);
        va.flush();
        assertThat(va.notes()).hasSize(100).noneMatch(NoteInfo::trashed);
        assertThat(MarkdownFiles.read(aFolder.resolve("note 99.md"))).isEqualTo("text of note 99\n");
        b.syncOnce(TIMEOUT);
        assertThat(vb.notes()).hasSize(100).noneMatch(NoteInfo::trashed);
    }
}
