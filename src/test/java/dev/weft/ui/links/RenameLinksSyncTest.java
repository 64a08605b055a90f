package dev.weft.ui.links;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rename on one device rewrites the links to the note in every note, as ordinary edits: they go
 * through a real server on 127.0.0.1 and arrive on another device, links in code untouched, and an
 * edit the other device made meanwhile in the same note is kept.
 */
class RenameLinksSyncTest {
    @TempDir
    Path dir;
    private WeftServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.close();
    }

    @Test
    void aRenameOnOneDeviceRewritesLinksThatArriveOnAnother() throws Exception {
        Vault laptop = vault("laptop");
        SyncClient laptopSync = paired(laptop, "laptop");
        UUID ideas = laptop.create("Ideas", "# Ideas\n").id();
        UUID today = laptop.create("Journal/Today", "See [[Ideas|my ideas]] and [[Ideas#Top]].\n"
                + "`[[Ideas]]` stays.\n[more](../Ideas.md)\n").id();
        UUID other = laptop.create("Other", "Nothing here.").id();
        laptopSync.syncOnce(PATIENCE);

        Vault desk = vault("desk");
        SyncClient deskSync = paired(desk, "desk");
        deskSync.syncOnce(PATIENCE);
        desk.withReplica(today, r -> r.insert(0, "Desk was here. ")); // a concurrent edit elsewhere in the note
        deskSync.syncOnce(PATIENCE);

        laptop.rename(ideas, "Archive/Big Ideas");
        VaultLinks.Changes changes = VaultLinks.afterMove(laptop, "Ideas.md", "Archive/Big Ideas.md", List.of());
        assertThat(changes).isEqualTo(new VaultLinks.Changes(3, List.of(today)));
        assertThat(changes.sentence()).isEqualTo("3 links in 1 note updated");
        assertThat(laptop.withReplica(other, NoteReplica::text)).isEqualTo("Nothing here.");
        laptopSync.syncOnce(PATIENCE);
        deskSync.syncOnce(PATIENCE);

        String expected = "Desk was here. See [[Big Ideas|my ideas]] and [[Big Ideas#Top]].\n"
                + "`[[Ideas]]` stays.\n[more](../Archive/Big%20Ideas.md)\n";
        assertThat(desk.withReplica(today, NoteReplica::text)).isEqualTo(expected);
        assertThat(laptop.withReplica(today, NoteReplica::text)).isEqualTo(expected);
        assertThat(desk.note(ideas).orElseThrow().name()).isEqualTo("Archive/Big Ideas");
        desk.flush();
        assertThat(Files.readString(desk.folder().resolve("Journal/Today.md"))).isEqualTo(expected);
    }

    private Vault vault(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        open.add(vault);
        return vault;
    }

    private SyncClient paired(Vault vault, String name) throws Exception {
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        open.add(client);
        client.pair(server.pairingLink(), name);
        return client;
    }
}
