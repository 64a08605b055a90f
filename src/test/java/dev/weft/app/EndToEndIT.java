package dev.weft.app;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built program as a user has it: {@code target/weft.jar --server} on a loopback port with its
 * own self-signed certificate, two devices paired with {@code weft sync --pair} and synced with
 * {@code weft sync}, their notes written, edited, moved and deleted as plain files; one device
 * offline for a while, the server SIGKILLed and restarted in the middle. Only processes, files, exit
 * statuses and output: no class of Weft's. Both vaults must end with byte-identical files.
 */
class EndToEndIT {
    private static final int MAX_ROUNDS = 6;

    @TempDir
    Path dir;
    private Path logs;
    private final List<WeftChild> servers = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        servers.forEach(WeftChild::close);
    }

    @Test
    void twoDevicesEditingOfflineAndThroughAServerKillEndWithTheSameFiles() throws Exception {
        logs = Files.createDirectories(dir.resolve("logs"));
        Path data = dir.resolve("server-data");
        Path laptop = dir.resolve("laptop");
        Path phone = dir.resolve("phone");
        int port = WeftChild.freePort();

        WeftChild server = startServer(data, port);
        String firstLink = server.awaitLine("pair: ");
        String fingerprint = server.awaitLine("fingerprint: ");
        assertThat(server.out()).startsWith("listening on 127.0.0.1:" + port + " (TLS)\n");
        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(firstLink).startsWith("weft://127.0.0.1:" + port + "/pair?code=").endsWith("&fp=" + fingerprint);

        // notes written before pairing go up with the first sync
        write(laptop, "Welcome.md", "# Welcome\n\nNotes are plain files.\n");
        write(laptop, "ideas/todo.md", "- [ ] milk\n");
        write(laptop, "ideas/old.md", "to be deleted\n");
        assertThat(sync(laptop, "--pair", firstLink, "--name", "laptop").out())
                .startsWith("paired with 127.0.0.1:" + port + " as ");

        String phoneLink = weft("pair-code", "--data", data.toString()).ok().out().lines()
                .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring("pair: ".length());
        sync(phone, "--pair", phoneLink, "--name", "phone");
        assertThat(files(phone)).containsOnlyKeys("Welcome.md", "ideas/todo.md", "ideas/old.md").isEqualTo(files(laptop));

        WeftChild.Finished reused = weft("sync", "--vault", dir.resolve("third").toString(), "--pair", phoneLink);
        assertThat(reused.status()).isEqualTo(1);
        assertThat(reused.err()).isEqualTo("weft: the server refused the pairing code: it is wrong, used or expired;"
                + " get a fresh link with 'weft pair-code' on the server\n");
        assertThat(weft("devices", "--data", data.toString()).ok().out())
                .containsPattern("laptop +\\d+ .* active").containsPattern("phone +\\d+ .* active");

        // both edit one note at once; the phone makes a note
        append(laptop, "Welcome.md", "Laptop was here.\n");
        prepend(phone, "Welcome.md", "Phone first.\n");
        write(phone, "Phone note.md", "from the phone\n");
        sync(laptop);
        sync(phone);
        sync(laptop);
        assertThat(files(laptop)).isEqualTo(files(phone)).containsKey("Phone note.md");

        // the phone is offline and edits; the laptop edits, moves, deletes and syncs meanwhile
        append(phone, "ideas/todo.md", "- [ ] bread (phone, offline)\n");
        write(phone, "offline/draft.md", "written on a train\n");
        append(phone, "Welcome.md", "Phone offline.\n");
        prepend(laptop, "ideas/todo.md", "# Shopping\n");
        Files.createDirectories(laptop.resolve("archive"));
        Files.move(laptop.resolve("Phone note.md"), laptop.resolve("archive/Phone note.md"));
        Files.delete(laptop.resolve("ideas/old.md"));
        sync(laptop);
        append(laptop, "Welcome.md", "Laptop again.\n");
        sync(laptop);

        // the server dies with what it acknowledged; the laptop cannot reach it and keeps writing
        server.kill();
        write(laptop, "While down.md", "the server was down\n");
        WeftChild.Finished unreachable = weft("sync", "--vault", laptop.toString());
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).isEqualTo("weft: cannot reach the Weft server at 127.0.0.1:" + port
                + ": connection refused (is it running?)\n");

        WeftChild again = startServer(data, port);
        assertThat(again.awaitLine("fingerprint: ")).as("the same certificate after the restart").isEqualTo(fingerprint);
        int rounds = syncUntilQuiet(laptop, phone);

        Map<String, String> end = files(laptop);
        assertThat(files(phone)).as("the phone's files after %d rounds", rounds).isEqualTo(end);
        assertThat(end).containsOnlyKeys("Welcome.md", "ideas/todo.md", "archive/Phone note.md",
                "offline/draft.md", "While down.md");
        String welcome = "Phone first.\n# Welcome\n\nNotes are plain files.\nLaptop was here.\n";
        assertThat(end.get("Welcome.md")).as("two appends at one place, in either order")
                .isIn(welcome + "Phone offline.\nLaptop again.\n", welcome + "Laptop again.\nPhone offline.\n");
        assertThat(end.get("ideas/todo.md")).isEqualTo("# Shopping\n- [ ] milk\n- [ ] bread (phone, offline)\n");
        assertThat(end.get("archive/Phone note.md")).isEqualTo("from the phone\n");
        assertThat(end.get("offline/draft.md")).isEqualTo("written on a train\n");
        assertThat(end.get("While down.md")).isEqualTo("the server was down\n");

        assertThat(again.stop()).as("SIGTERM; stderr: %s", again.err()).isZero();
        assertThat(again.err()).isEmpty();
    }

    /** {@code weft sync} on each vault in turn until a round changes no file and both agree; returns the rounds. */
    private int syncUntilQuiet(Path a, Path b) throws Exception {
        Map<String, String> before = null;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            sync(a);
            sync(b);
            Map<String, String> filesA = files(a);
            if (filesA.equals(files(b)) && filesA.equals(before)) {
                return round;
            }
            before = filesA;
        }
        throw new AssertionError("not quiet after " + MAX_ROUNDS + " rounds:\n" + files(a) + "\n" + files(b));
    }

    private WeftChild startServer(Path data, int port) throws IOException {
        WeftChild server = WeftChild.startServer(logs, data, port);
        servers.add(server);
        return server;
    }

    private WeftChild.Finished weft(String... args) throws Exception {
        return WeftChild.run(logs, args);
    }

    /** {@code weft sync --vault VAULT ARGS}: exit 0, one "in sync" line, nothing on standard error. */
    private WeftChild.Finished sync(Path vault, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("sync", "--vault", vault.toString()));
        all.addAll(List.of(args));
        WeftChild.Finished done = weft(all.toArray(String[]::new)).ok();
        assertThat(done.out()).contains("in sync: ");
        assertThat(done.err()).as("stderr of weft %s", all).isEmpty();
        return done;
    }

    /**
     * The text of every file outside {@code .weft/}, by path relative to {@code vault} ('/'-separated).
     * Strict UTF-8 (malformed bytes throw), so equal maps mean byte-identical files.
     */
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

    private static void append(Path vault, String name, String text) throws IOException {
        write(vault, name, Files.readString(vault.resolve(name), StandardCharsets.UTF_8) + text);
    }

    private static void prepend(Path vault, String name, String text) throws IOException {
        write(vault, name, text + Files.readString(vault.resolve(name), StandardCharsets.UTF_8));
    }
}
