package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft --server} and the commands that ask it, run in this JVM; the stop hook is kept, not installed. */
class ServerCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Runnable> stops = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopServers() {
        stops.forEach(Runnable::run);
    }

    private int run(String... args) {
        Places places = new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config"));
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

    private int server(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--server", "--port", Integer.toString(freePort())));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void theServerSaysWhereItListensItsFingerprintAndAPairingLinkThenStopsOnTheHook() throws Exception {
        int port = freePort();
        assertThat(run("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1")).isEqualTo(Launcher.OK);
        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("listening on 127.0.0.1:" + port + " (TLS)");
        assertThat(lines.get(1)).matches("fingerprint: [0-9a-f]{64}");
        assertThat(lines.get(2)).startsWith("pair: ");
        PairingLink link = PairingLink.parse(lines.get(2).substring("pair: ".length()));
        assertThat(link).extracting(PairingLink::host, PairingLink::port, PairingLink::fingerprint)
                .containsExactly("127.0.0.1", port, lines.get(1).substring("fingerprint: ".length()));
        assertThat(lines.get(3)).contains("15 minutes", "'weft pair-code'");
        assertThat(err()).isEmpty();

        assertThat(stops).hasSize(1);
        stops.remove(0).run();
        assertThat(out()).endsWith(" stopped" + System.lineSeparator());
        try (WeftServer again = WeftServer.start(new ServerConfig("127.0.0.1", port, dir.resolve("data"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent())) {
            assertThat(again.fingerprint()).as("the port and the data dir are free again").isEqualTo(link.fingerprint());
        }
    }

    @Test
    void pairCodeDevicesAndRevokeAskTheRunningServer() throws IOException {
        assertThat(server("--bind", "127.0.0.1")).isEqualTo(Launcher.OK);
        out.reset();
        assertThat(run("pair-code")).isEqualTo(Launcher.OK);
        assertThat(out().lines().filter(line -> line.startsWith("pair: ")))
                .singleElement().asString().startsWith("pair: weft://127.0.0.1:");
        out.reset();
        assertThat(run("devices")).isEqualTo(Launcher.OK);
        assertThat(out()).contains("no devices are paired yet");
        assertThat(run("revoke", "phone")).isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).containsExactly("weft: no device named 'phone' has access (see 'weft devices')");
    }

    @Test
    void noTlsOnAnAddressThatIsNotLoopbackIsRefused() throws IOException {
        assertThat(server("--no-tls", "--bind", "0.0.0.0")).isEqualTo(Launcher.USAGE);
        assertThat(err().lines().findFirst()).get().asString()
                .startsWith("weft: --no-tls refused on 0.0.0.0, which is not a loopback address")
                .contains("unencrypted", "--insecure-no-tls");
        assertThat(out()).isEmpty();
        assertThat(stops).as("nothing started").isEmpty();
    }

    @Test
    void insecureNoTlsOnAnAddressThatIsNotLoopbackWarnsLoudlyButStarts() throws IOException {
        assertThat(server("--insecure-no-tls", "--bind", "0.0.0.0")).isEqualTo(Launcher.OK);
        assertThat(err().lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("WARNING: "));
        assertThat(err()).contains("unencrypted");
        assertThat(out()).contains(" (no TLS: ws://)", "fingerprint: none", "&fp=none");
    }

    @Test
    void aStartWithADevicePairedPrintsNoPairingLink() throws Exception {
        int port = freePort();
        assertThat(run("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1")).isEqualTo(Launcher.OK);
        String first = out().lines().filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow();
        dev.weft.client.Pairing.pair(PairingLink.parse(first.substring("pair: ".length())), "laptop");
        stops.remove(0).run();
        out.reset();

        assertThat(run("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1")).isEqualTo(Launcher.OK);
        assertThat(out()).doesNotContain("pair: ", "code=")
                .contains("1 device has access; 'weft pair-code' prints a link to pair another");
        out.reset();
        assertThat(run("pair-code")).as("a link when asked").isEqualTo(Launcher.OK);
        assertThat(out()).contains("\npair: weft://127.0.0.1:" + port + "/pair?code=");
    }

    @Test
    void noTlsOnLoopbackStartsWithoutWarning() throws IOException {
        assertThat(server("--no-tls", "--bind", InetAddress.getLoopbackAddress().getHostAddress())).isEqualTo(Launcher.OK);
        assertThat(err()).isEmpty();
    }

    @Test
    void aBusyPortFailsWithOneLine() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThat(run("--server", "--port", Integer.toString(port), "--bind", "127.0.0.1")).isEqualTo(Launcher.FAILED);
            assertThat(err().lines()).containsExactly("weft: cannot listen on 127.0.0.1:" + port
                    + ": the port is in use or the address is not this machine's");
        }
        assertThat(stops).isEmpty();
    }

    @Test
    void aDataDirInUseFailsWithOneLine() throws IOException {
        assertThat(server("--bind", "127.0.0.1")).isEqualTo(Launcher.OK);
        err.reset();
        assertThat(server("--bind", "127.0.0.1")).isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).containsExactly("weft: data dir " + dir.resolve("data") + " is in use by another Weft server");
    }

    @Test
    void aDataDirThatCannotBeMadeFailsWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "not a folder");
        assertThat(server("--bind", "127.0.0.1", "--data", file.resolve("data").toString())).isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).singleElement().asString().startsWith("weft: cannot use data dir " + file.resolve("data"));
    }

    @Test
    void badPemFilesFailWithOneLine() throws IOException {
        Path pem = Files.writeString(dir.resolve("cert.pem"), "not PEM at all");
        assertThat(server("--bind", "127.0.0.1", "--tls-cert", pem.toString(), "--tls-key", pem.toString()))
                .isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).containsExactly("weft: " + pem + " is not a PEM file (no -----BEGIN ...----- block)");
    }
}
