package dev.weft.app;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.WeftChild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §1 with the built program as a user has it: a server and two devices synced with
 * {@code weft sync}; files deleted or emptied by other programs while Weft is closed, the vault
 * folder gone, and {@code weft sync --watch} running while files vanish. Nothing of a mass delete
 * or erasure reaches the other device until the user says so. The vault is as small as still proves
 * it: 60 notes, so the guard's two limits ({@code MassChangeGuard.DEFAULT}: more than 20 notes and
 * more than 10 % of the vault) both count (each run of the jar is a JVM start; a bigger vault only
 * made every one slower).
 */
class MassDeleteIT {
    private static final int NOTES = 60;
    /** Notes 0 to 23 are in the folder {@code old/}: more than the guard's 20 notes, and 40 % of the vault. */
    private static final int OLD = 24;
    @TempDir
    Path dir;
    private Path logs;
    private Path laptop;
    private Path phone;
    private final List<WeftChild> children = new ArrayList<>();

    @BeforeEach
    void pairTwoDevices() throws Exception {
        logs = Files.createDirectories(dir.resolve("logs"));
        Path data = dir.resolve("server-data");
        laptop = dir.resolve("laptop");
        phone = dir.resolve("phone");
        WeftChild server = WeftChild.startServer(logs, data, WeftChild.freePort());
        children.add(server);
        String link = server.awaitLine("pair: ");
        for (int i = 0; i < NOTES; i++) {
            write(laptop, name(i), "text of note " + i + "\n");
        }
        weft("sync", "--vault", laptop.toString(), "--pair", link, "--name", "laptop").ok();
        String phoneLink = weft("pair-code", "--data", data.toString()).ok().out().lines()
                .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring("pair: ".length());
        weft("sync", "--vault", phone.toString(), "--pair", phoneLink, "--name", "phone").ok();
        assertThat(files(phone)).hasSize(NOTES).isEqualTo(files(laptop));
    }

    @AfterEach
    void stop() {
        children.forEach(WeftChild::close);
    }

    @Test
    void deletesWhileClosedAreHeldThenRestoredThenAllowed() throws Exception {
        Map<String, String> all = files(laptop);
        for (int i = 0; i < 45; i++) {
            Files.delete(laptop.resolve(name(i)));
        }
        WeftChild.Finished held = sync(laptop);
        assertThat(held.status()).as(held.err()).isEqualTo(Launcher.HELD);
        assertThat(held.err().lines()).singleElement().asString()
                .startsWith("weft: held back: 45 of 60 notes' files are gone from " + laptop)
                .contains("weft sync --allow-deletes").contains("--restore-files");
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).isEqualTo(all); // nothing trashed there

        assertThat(sync(laptop).status()).isEqualTo(Launcher.HELD); // still held at the next run

        WeftChild.Finished restored = sync(laptop, "--restore-files");
        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("45 notes' files written again from the vault's copy");
        assertThat(files(laptop)).isEqualTo(all);
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).isEqualTo(all);

        for (int i = 0; i < 45; i++) {
            Files.delete(laptop.resolve(name(i)));
        }
        assertThat(sync(laptop).status()).isEqualTo(Launcher.HELD);
        WeftChild.Finished allowed = sync(laptop, "--allow-deletes");
        assertThat(allowed.status()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("45 notes whose files are gone go to the trash on every device");
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).hasSize(15).isEqualTo(files(laptop));
    }

    @Test
    void belowTheThresholdDeletesPassAsBefore() throws Exception {
        for (int i = 0; i < 20; i++) { // a third of the vault, but not more than 20 notes
            Files.delete(laptop.resolve(name(i)));
        }
        assertThat(sync(laptop).status()).isZero();
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).hasSize(40).isEqualTo(files(laptop));
    }

    @Test
    void aFolderMovedOutOfTheVaultIsHeld() throws Exception {
        Files.move(laptop.resolve("old"), dir.resolve("elsewhere"));
        WeftChild.Finished held = sync(laptop);
        assertThat(held.status()).isEqualTo(Launcher.HELD);
        assertThat(held.err()).contains("held back: 24 of 60 notes' files are gone");
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).hasSize(NOTES);
    }

    @Test
    void aVaultFolderGoneTrashesNothing() throws Exception {
        Files.move(laptop, dir.resolve("unmounted")); // what an unmounted drive's mount point looks like: no folder
        WeftChild.Finished gone = sync(laptop);
        assertThat(gone.status()).isEqualTo(Launcher.FAILED);
        assertThat(gone.err()).startsWith("weft: no vault at " + laptop + " (the folder does not exist: a drive not mounted?)");
        assertThat(Files.exists(laptop)).isFalse();
        Files.createDirectories(laptop); // an empty mount point: the folder, nothing in it
        assertThat(sync(laptop).status()).isEqualTo(Launcher.FAILED); // not paired: nothing sent
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).hasSize(NOTES);
    }

    @Test
    void notesEmptiedByAnotherProgramAreHeldAndTheOtherDeviceKeepsTheText() throws Exception {
        Map<String, String> all = files(laptop);
        for (int i = OLD; i < OLD + 30; i++) {
            Files.write(laptop.resolve(name(i)), new byte[0]);
        }
        WeftChild.Finished held = sync(laptop);
        assertThat(held.status()).as(held.err()).isEqualTo(Launcher.HELD);
        assertThat(held.err().lines()).singleElement().asString()
                .startsWith("weft: held back: 30 of 60 notes' files in " + laptop + " were emptied or mostly erased")
                .contains("weft sync --allow-erasures").contains("--restore-files");
        assertThat(sync(phone).status()).isZero();
        assertThat(files(phone)).isEqualTo(all);
        assertThat(sync(laptop, "--restore-files").status()).isZero();
        assertThat(files(laptop)).isEqualTo(all);
    }

    @Test
    void watchKeepsSyncingTheRestAndSaysWhatItHolds() throws Exception {
        WeftChild watching = WeftChild.start(logs, "sync", "--vault", laptop.toString(), "--watch");
        children.add(watching);
        watching.awaitLine("watching ");
        for (int i = 0; i < OLD; i++) {
            Files.delete(laptop.resolve(name(i)));
        }
        eventually("the held line", () -> watching.err().contains("held back: 24 of 60 notes' files are gone"));
        write(laptop, "new.md", "written while 24 are held\n");
        eventually("the new note on the phone", () -> {
            try {
                sync(phone);
                return Files.exists(phone.resolve("new.md"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(files(phone)).hasSize(NOTES + 1);
    }

    private static String name(int note) {
        return (note < OLD ? "old/" : "") + "note " + note + ".md";
    }

    private WeftChild.Finished weft(String... args) throws Exception {
        return WeftChild.run(logs, args);
    }

    private WeftChild.Finished sync(Path vault, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("sync", "--vault", vault.toString()));
        all.addAll(List.of(args));
        return weft(all.toArray(String[]::new));
    }

    private static Map<String, String> files(Path vault) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(vault)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                Path relative = vault.relativize(file);
                if (!relative.startsWith(".weft")) {
                    files.put(relative.toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static void write(Path vault, String name, String text) throws IOException {
        Path file = vault.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
