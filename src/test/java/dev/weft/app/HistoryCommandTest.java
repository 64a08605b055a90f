package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft history} in-process against a real server: two devices edit one note, with deletes;
 * then offline, from what the device fetched (issue 16 §3).
 */
class HistoryCommandTest {
    @TempDir
    Path dir;
    WeftServer server;
    String out;
    String err;

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
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Places places = new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config"));
        int code = new Launcher(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                places, stop -> { }).run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void listsVersionsWithBothDevicesAndPrintsTheOldText() throws Exception {
        Path laptop = dir.resolve("laptop");
        Path phone = dir.resolve("phone");
        assertThat(run("sync", "--vault", laptop.toString(), "--pair", server.pairingLink().toString(), "--name", "laptop"))
                .as(err).isZero();
        try (Vault vault = Vault.open(laptop, VaultOptions.defaults())) {
            vault.create("plans", "hello world"); // after pairing: written as the laptop's (before: site 255's)
        }
        assertThat(run("sync", "--vault", laptop.toString())).as(err).isZero();
        assertThat(run("sync", "--vault", phone.toString(), "--pair", server.pairingLink().toString(), "--name", "phone"))
                .as(err).isZero();
        Instant before = Instant.now(); // the server's sync times are its clock's: the first text is stored by now
        Files.writeString(phone.resolve("plans.md"), "hello phone, again");
        assertThat(run("sync", "--vault", phone.toString())).as(err).isZero();

        assertThat(run("history", "plans", "--vault", laptop.toString())).as(err).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("VERSION\tFROM\tTO\tDEVICES\tCHANGES");
        assertThat(lines).hasSize(2); // one editing session
        assertThat(lines.get(1)).startsWith("1\t").contains("\tlaptop, phone\t").containsPattern("\t\\+\\d+ -[1-9]\\d*$");

        assertThat(run("history", "plans", "--vault", laptop.toString(), "--at", before.toString())).as(err).isZero();
        assertThat(out).isEqualTo("hello world");
        assertThat(run("history", "plans.md", "--vault", laptop.toString(), "--at", "1")).as(err).isZero();
        assertThat(out).isEqualTo("hello phone, again");
        assertThat(run("history", "plans", "--vault", laptop.toString(), "--at", "2")).isEqualTo(Launcher.FAILED);
        assertThat(err).isEqualTo("weft history: 'plans' has no version 2 (it has 1)\n");
        assertThat(run("history", "nothing", "--vault", laptop.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err).startsWith("weft history: no note 'nothing' in ");
        assertThat(run("history", "plans", "--vault", laptop.toString(), "--at", "yesterday")).isEqualTo(Launcher.USAGE);

        assertThat(run("devices", "--data", dir.resolve("server").toString())).as(err).isZero();
        assertThat(out.lines()).anyMatch(line -> line.matches("history: [1-9]\\d* deleted characters kept in 1 notes"));

        server.close(); // offline: what the laptop fetched, said so; the rest needs the server
        assertThat(run("history", "plans", "--vault", laptop.toString())).as(err).isZero();
        assertThat(out.lines().toList()).isEqualTo(lines);
        assertThat(err.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("weft history: offline (cannot reach the Weft server at ").contains("connection refused")
                .endsWith("; newer ones need the server"));
        assertThat(run("history", "plans", "--vault", laptop.toString(), "--at", before.toString())).as(err).isZero();
        assertThat(out).isEqualTo("hello world");
        assertThat(run("history", "plans", "--vault", laptop.toString(), "--at", "1")).as(err).isZero();
        assertThat(out).isEqualTo("hello phone, again");
        assertThat(err).startsWith("weft history: offline (").contains("fetched it before");
        assertThat(run("history", "plans", "--vault", laptop.toString(), "--at", before.plusMillis(1).toString()))
                .isEqualTo(Launcher.FAILED);
        assertThat(err.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("weft history: cannot reach the Weft server at ").endsWith(": it needs the server)"));
        assertThat(run("history", "plans", "--vault", phone.toString())).as("the phone never asked")
                .isEqualTo(Launcher.FAILED);
        assertThat(err.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("weft history: cannot reach the Weft server at ").contains("connection refused"));
        try (var held = Files.list(laptop.resolve(".weft").resolve("history"))) {
            Path file = held.filter(f -> f.toString().endsWith(".hist")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
        }
        assertThat(run("history", "plans", "--vault", laptop.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err).contains("is damaged").contains("written again the next time the server answers");
    }
}
