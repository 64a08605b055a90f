package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.testing.HiddenEdits;
import dev.weft.testing.SmallDisk;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §6: a one-shot {@code weft sync} that cannot write everything finishes the rest and exits 1. */
class SyncCannotFinishTest {
    @TempDir
    Path dir;
    WeftServer server;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void start() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
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

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A file where a pulled note's folder goes: its new note cannot be written, and a rename into
     * that folder cannot be moved. The rename used to fail the whole answer, which the sync pulled
     * again and again until its 10-minute deadline, saying nothing; a failed write exited 0.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // below the one-shot's own 10 minutes: a hang fails
    void notesWhoseFilesCannotBeWrittenAreSaidAndTheSyncFinishesTheRestAndExitsOne() throws Exception {
        Path a = dir.resolve("a");
        UUID moving;
        try (Vault vault = Vault.open(a, VaultOptions.defaults())) {
            moving = vault.create("moving", "moves into blocked/\n").id();
            vault.create("other", "stays\n");
        }
        String link = server.pairingLink().toString();
        assertThat(run("sync", "--vault", a.toString(), "--pair", link, "--name", "a")).as(err()).isZero();
        Path b = dir.resolve("b");
        assertThat(run("sync", "--vault", b.toString(), "--pair", server.pairingLink().toString(), "--name", "b"))
                .as(err()).isZero();
        Files.writeString(b.resolve("blocked"), "a file where the folder goes");
        try (Vault vault = Vault.open(a, VaultOptions.defaults())) {
            vault.rename(moving, "blocked/moving");
            vault.create("blocked/new", "cannot land\n");
            vault.replica(vault.notes().stream().filter(n -> n.name().equals("other")).findFirst().orElseThrow().id())
                    .insert(0, "edited: ");
        }
        assertThat(run("sync", "--vault", a.toString())).as(err()).isZero();

        assertThat(run("sync", "--vault", b.toString())).as(err()).isEqualTo(Launcher.FAILED);
        assertThat(out()).contains("synced with the server, but 2 of 3 notes in " + b + " could not be written");
        assertThat(err().lines().toList()).containsExactly(
                "weft: Could not move moving.md to blocked/moving.md: a file is in the way (" + b.resolve("blocked") + ")",
                "weft: Could not write blocked/new.md: " + b.resolve("blocked/new.md") + ": Not a directory",
                "weft: 2 notes' files could not be written ('blocked/moving', 'blocked/new'): their text is safe in .weft"
                        + " and the next sync writes them once the problem is fixed");
        assertThat(b.resolve("other.md")).hasContent("edited: stays\n");
        assertThat(b.resolve("moving.md")).hasContent("moves into blocked/\n");

        Files.delete(b.resolve("blocked"));
        assertThat(run("sync", "--vault", b.toString())).as(err()).isZero();
        assertThat(b.resolve("blocked/moving.md")).hasContent("moves into blocked/\n");
        assertThat(b.resolve("blocked/new.md")).hasContent("cannot land\n");
        assertThat(b.resolve("moving.md")).doesNotExist();
    }

    /**
     * The vault's disk fills during a pull (a real tmpfs with a little room left, less than the
     * new notes need): the sync ends with exit 1 and says the disk is full; once there is space the
     * next sync brings everything.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFullDiskEndsTheSyncWithExitOneAndTheNextSyncFinishes() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 8)) {
            Path a = dir.resolve("a");
            try (Vault vault = Vault.open(a, VaultOptions.defaults())) {
                vault.create("first", "synced before the disk fills\n");
            }
            assertThat(run("sync", "--vault", a.toString(), "--pair", server.pairingLink().toString(), "--name", "a"))
                    .as(err()).isZero();
            Path b = disk.dir().resolve("b");
            assertThat(run("sync", "--vault", b.toString(), "--pair", server.pairingLink().toString(), "--name", "b"))
                    .as(err()).isZero();
            try (Vault vault = Vault.open(a, VaultOptions.defaults())) {
                for (int i = 0; i < 10; i++) {
                    vault.create("note " + i, ("line " + i + " of a note that needs room\n").repeat(40));
                }
            }
            assertThat(run("sync", "--vault", a.toString())).as(err()).isZero();
            disk.fill();
            disk.leave(48 * 1024);

            assertThat(run("sync", "--vault", b.toString())).as(out() + err()).isEqualTo(Launcher.FAILED);
            assertThat(err()).containsAnyOf("the disk under the vault is full", "No space left on device");
            assertThat(out()).doesNotContain("in sync");

            disk.free();
            assertThat(run("sync", "--vault", b.toString())).as(err()).isZero();
            for (int i = 0; i < 10; i++) {
                assertThat(b.resolve("note " + i + ".md")).hasSameTextualContentAs(a.resolve("note " + i + ".md"));
            }
        }
    }

    /**
     * Issue 12 §6: an edit that keeps the file's size and modification time, made while no Weft
     * runs, is taken in and sent by the next one-shot sync (it used to wait for another change).
     */
    @Test
    void anEditKeepingSizeAndTimeIsSentByTheNextSync() throws Exception {
        Path a = dir.resolve("a");
        try (Vault vault = Vault.open(a, VaultOptions.defaults())) {
            vault.create("note", "the old text\n");
        }
        assertThat(run("sync", "--vault", a.toString(), "--pair", server.pairingLink().toString(), "--name", "a"))
                .as(err()).isZero();
        Path b = dir.resolve("b");
        assertThat(run("sync", "--vault", b.toString(), "--pair", server.pairingLink().toString(), "--name", "b"))
                .as(err()).isZero();
        Path file = a.resolve("note.md");
        HiddenEdits.awaitOutOfDoubt(file, 2_000);
        assertThat(run("sync", "--vault", a.toString())).as(err()).isZero(); // reads the file once and trusts it since

        HiddenEdits.rewriteKeepingSizeAndTime(file, "the new text\n");
        assertThat(run("sync", "--vault", a.toString())).as(err()).isZero();
        assertThat(run("sync", "--vault", b.toString())).as(err()).isZero();
        assertThat(b.resolve("note.md")).hasContent("the new text");
    }
}
