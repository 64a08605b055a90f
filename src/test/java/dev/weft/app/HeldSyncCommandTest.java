package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft sync} in-process against a real server: the mass-change guard's exit 3 and its flags (issue 16 §1). */
class HeldSyncCommandTest {
    @TempDir
    Path dir;
    WeftServer server;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;
    Path a;
    Path b;

    @BeforeEach
    void twoDevices() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
        a = Files.createDirectories(dir.resolve("a"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(a.resolve("note " + i + ".md"), "text of note " + i + "\n");
        }
        assertThat(run("sync", "--vault", a.toString(), "--pair", server.pairingLink().toString(), "--name", "a")).isZero();
        b = dir.resolve("b");
        assertThat(run("sync", "--vault", b.toString(), "--pair", server.pairingLink().toString(), "--name", "b")).isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Places places = new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config"));
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                places, stop -> { }).run(args);
    }

    private static String textOf(Path vault, String name) throws Exception {
        try (Vault v = Vault.open(vault, VaultOptions.defaults())) {
            NoteInfo note = v.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            return note.trashed() ? null : v.withReplica(note.id(), r -> r.text());
        }
    }

    @Test
    void everyNoteEmptiedIsHeldUntilRestoredAndTheOtherDeviceKeepsTheText() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.write(a.resolve("note " + i + ".md"), new byte[0]);
        }
        assertThat(run("sync", "--vault", a.toString())).isEqualTo(Launcher.HELD);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("weft: held back: 20 of 20 notes' files in " + a + " were emptied or mostly erased");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("sync", "--vault", b.toString())).isZero();
        assertThat(Files.readString(b.resolve("note 4.md"))).isEqualTo("text of note 4\n");
        assertThat(textOf(a, "note 4")).isEqualTo("text of note 4\n");
        assertThat(run("sync", "--vault", a.toString(), "--restore-files")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("20 notes' erased files written again");
        assertThat(Files.readString(a.resolve("note 4.md"))).isEqualTo("text of note 4\n");
    }

    @Test
    void everyNoteDeletedIsHeldThenAllowedEverywhere() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.delete(a.resolve("note " + i + ".md"));
        }
        assertThat(run("sync", "--vault", a.toString())).isEqualTo(Launcher.HELD);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("held back: 20 of 20 notes' files are gone");
        assertThat(run("sync", "--vault", b.toString())).isZero();
        assertThat(textOf(b, "note 4")).isEqualTo("text of note 4\n");
        assertThat(run("sync", "--vault", a.toString(), "--allow-deletes")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run("sync", "--vault", b.toString())).isZero();
        assertThat(textOf(b, "note 4")).isNull();
        assertThat(b.resolve("note 4.md")).doesNotExist();
    }

    @Test
    void aMissingVaultFolderIsNotMadeAnew() {
        Path gone = dir.resolve("unmounted/vault");
        assertThat(run("sync", "--vault", gone.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("weft: no vault at " + gone);
        assertThat(gone).doesNotExist();
    }
}
