package dev.weft.app;

import static dev.weft.testing.Eventually.PATIENCE;
import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncListener;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.PairingLink;
import dev.weft.server.BackupRestore;
import dev.weft.store.Store;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft backup FILE} of a running server and {@code weft --server --restore FILE --data NEWDIR}
 * (issue 16 §4), run as a user would through the command line in this JVM, with real devices: edits
 * made after the backup come back from the devices, which say so; a backup taken while a device
 * writes opens; a path that cannot be written and a damaged or foreign file each get one line and
 * change nothing.
 */
class ServerBackupTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Runnable> stops = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

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

        Map<String, String> texts() throws Exception {
            Map<String, String> texts = new TreeMap<>();
            for (NoteInfo n : vault.notes()) {
                texts.put(n.name(), vault.replica(n.id()).text());
            }
            return texts;
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        stops.forEach(Runnable::run);
    }

    @Test
    void editsMadeAfterTheBackupComeBackFromTheDevicesOnceItIsRestored() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        startServer(port, data);
        Device laptop = device("laptop", data);
        Device desk = device("desk", data);
        laptop.vault().create("shared", "before the backup");
        desk.vault().create("desk note", "from the desk");
        laptop.sync();
        desk.sync();
        laptop.sync();

        Path backup = dir.resolve("backups").resolve("weft-backup.zip");
        Files.createDirectories(backup.getParent());
        assertThat(run("backup", backup.toString(), "--data", data.toString())).isEqualTo(Launcher.OK);
        assertThat(out()).contains("backed up the server to " + backup, "restore it with: weft --server --restore "
                + backup + " --data NEWDIR");
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // after the backup: edits on both devices, a note each; then one more offline while the server is down
        laptop.append("shared", ", edited on the laptop");
        laptop.vault().create("laptop after", "made on the laptop after the backup");
        laptop.sync();
        desk.sync();
        desk.append("shared", ", and on the desk");
        desk.append("desk note", " (edited)");
        desk.vault().create("desk after", "made on the desk after the backup");
        desk.sync();
        laptop.sync();
        stopServer();
        laptop.append("laptop after", ", and offline");

        Path restored = dir.resolve("restored");
        out.reset();
        assertThat(run("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--data", restored.toString(),
                "--restore", backup.toString())).as(err()).isEqualTo(Launcher.OK);
        assertThat(out().lines().filter(l -> l.startsWith("restored "))).singleElement().asString()
                .startsWith("restored " + backup + " (made ")
                .contains("into " + restored, "upload them again");
        assertThat(out()).contains("listening on 127.0.0.1:" + port);
        laptop.sync();
        desk.sync();
        laptop.sync();
        assertThat(laptop.said()).anyMatch(m -> m.contains("lacks changes this device holds") && m.contains("notes again"));
        assertThat(desk.said()).anyMatch(m -> m.contains("lacks changes this device holds") && m.contains("notes again"));

        Map<String, String> expected = Map.of(
                "shared", "before the backup, edited on the laptop, and on the desk",
                "desk note", "from the desk (edited)",
                "laptop after", "made on the laptop after the backup, and offline",
                "desk after", "made on the desk after the backup");
        assertThat(laptop.texts()).isEqualTo(expected);
        assertThat(desk.texts()).isEqualTo(expected);
        Device fresh = device("fresh", restored);
        fresh.sync();
        assertThat(fresh.texts()).as("the restored server holds every note again").isEqualTo(expected);
        assertThat(Files.exists(data.resolve("weft.db"))).as("the old data dir is left as it was").isTrue();
    }

    @Test
    void aBackupTakenWhileADeviceWritesIsAStoreThatOpensAndHoldsWhatWasAcknowledged() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        startServer(port, data);
        Device writer = device("writer", data);
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread writing = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    writer.vault().create("note " + i, ("line of note " + i + "\n").repeat(200));
                    writer.sync();
                    acknowledged.set(i + 1);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "writer");
        writing.start();
        try {
            for (int k = 0; k < 3; k++) {
                int before = acknowledged.get();
                eventually("the device wrote more", () -> acknowledged.get() > before + 2 || !failures.isEmpty());
                int held = acknowledged.get();
                Path backup = dir.resolve("backup-" + k + ".zip");
                assertThat(run("backup", backup.toString(), "--data", data.toString())).as(err()).isEqualTo(Launcher.OK);
                Path restored = dir.resolve("restored-" + k);
                BackupRestore.restore(backup, restored);
                try (Store store = Store.open(restored)) {
                    assertThat(store.damage()).isEmpty();
                    assertThat(store.changedSince(0, 100_000).size()).as("backup %d", k).isGreaterThanOrEqualTo(held);
                }
            }
        } finally {
            stop.set(true);
            writing.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aPathThatCannotBeWrittenGetsOneLineAndLeavesNothing() throws Exception {
        Path data = dir.resolve("data");
        startServer(freePort(), data);
        Path aFile = Files.writeString(dir.resolve("a file"), "not a folder");
        assertThat(run("backup", aFile.resolve("backup.zip").toString(), "--data", data.toString()))
                .isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).singleElement().asString().startsWith("weft: cannot write the backup " + aFile
                .resolve("backup.zip")).endsWith("; nothing was written");
        err.reset();
        assertThat(run("backup", dir.resolve("no such folder").resolve("backup.zip").toString(), "--data",
                data.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err()).contains("no such folder or file");
        err.reset();
        assertThat(run("backup", dir.toString(), "--data", data.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err()).contains("is a folder: name the backup file");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "a file");
        }
        err.reset();
        assertThat(run("backup", dir.resolve("b.zip").toString(), "--data", dir.resolve("none").toString()))
                .isEqualTo(Launcher.FAILED);
        assertThat(err()).contains("no Weft server is running with data dir");
        assertThat(run("--server", "--restore", "x.zip")).isEqualTo(Launcher.USAGE);
        assertThat(err()).contains("--restore needs --data NEWDIR");
    }

    @Test
    void aDamagedOrForeignBackupIsRefusedAndChangesNothing() throws Exception {
        Path data = dir.resolve("data");
        startServer(freePort(), data);
        Device device = device("laptop", data);
        for (int i = 0; i < 5; i++) {
            device.vault().create("note " + i, ("text of note " + i + "\n").repeat(50));
        }
        device.sync();
        Path backup = dir.resolve("good.zip");
        assertThat(run("backup", backup.toString(), "--data", data.toString())).isEqualTo(Launcher.OK);
        byte[] good = Files.readAllBytes(backup);

        byte[] flipped = good.clone();
        for (int i = good.length / 3; i < good.length / 3 + 16; i++) {
            flipped[i] ^= 0x5a;
        }
        refused(Files.write(dir.resolve("flipped.zip"), flipped), "the backup is damaged");
        refused(Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(good, good.length / 2)),
                "it is not a Weft server backup (it is not a zip file, or a damaged one");
        refused(Files.writeString(dir.resolve("notes.txt"), "my notes"), "it is not a Weft server backup");
        refused(rewritten(backup, dir.resolve("page.zip"), "weft.db"), "the backup is damaged (weft.db: ");
        refused(rewritten(backup, dir.resolve("foreign.zip"), "weft-backup.properties"), "it is not a Weft server backup");

        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        assertThat(run("--server", "--port", Integer.toString(freePort()), "--data", busy.toString(), "--restore",
                backup.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err()).contains("it is not empty; restore into a new data dir");
        try (var files = Files.list(busy)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }

    /** A restore of {@code bad} fails with one line saying {@code why}, and leaves no data dir and no staging dir. */
    private void refused(Path bad, String why) throws IOException {
        err.reset();
        out.reset();
        Path target = dir.resolve("target");
        assertThat(run("--server", "--port", Integer.toString(freePort()), "--data", target.toString(), "--restore",
                bad.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).singleElement().asString().startsWith("weft: cannot restore " + bad + ": ")
                .contains(why).endsWith("nothing was changed");
        assertThat(out()).as("no server started").doesNotContain("restored ", "listening on");
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restoring"));
        }
    }

    /** A copy of the backup zip with one entry changed: a page of {@code weft.db} flipped, or the manifest's format. */
    private static Path rewritten(Path backup, Path to, String entryName) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile()); OutputStream file = Files.newOutputStream(to);
                ZipOutputStream copy = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    if (entryName.equals("weft.db")) {
                        bytes[bytes.length / 2] ^= 1; // a used page past the header: its checksum fails
                    } else {
                        bytes = new String(bytes, StandardCharsets.ISO_8859_1).replace("format=1", "format=7")
                                .getBytes(StandardCharsets.ISO_8859_1);
                    }
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
        }
        return to;
    }

    private void startServer(int port, Path data) {
        assertThat(run("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--data", data.toString()))
                .as(err()).isEqualTo(Launcher.OK);
    }

    private void stopServer() {
        assertThat(stops).hasSize(1);
        stops.remove(0).run();
    }

    private Device device(String name, Path data) throws Exception {
        out.reset();
        assertThat(run("pair-code", "--data", data.toString())).isEqualTo(Launcher.OK);
        String link = out().lines().filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring(6);
        Vault vault = Vault.open(dir.resolve("vaults").resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault,
                SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(500)));
        List<String> said = new CopyOnWriteArrayList<>();
        client.addListener(new SyncListener() {
            @Override
            public void problem(String message) {
                said.add(message);
            }
        });
        open.add(vault);
        open.add(client);
        client.pair(PairingLink.parse(link), name);
        return new Device(vault, client, said);
    }

    private int run(String... args) {
        Places places = new Places(dir.resolve("Weft"), dir.resolve("default-data"), dir.resolve("config"));
        return new Launcher(print(out), print(err), places, stops::add).run(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
