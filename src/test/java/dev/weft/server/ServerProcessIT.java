package dev.weft.server;

import static dev.weft.server.ServerEndToEndTest.DOC;
import static dev.weft.server.ServerEndToEndTest.atom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.testing.WeftChild;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/weft.jar --server} as a child process, with the commands that manage it. */
class ServerProcessIT {
    @TempDir
    Path dir;
    private final List<WeftChild> servers = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        servers.forEach(WeftChild::close);
    }

    private WeftChild start(Path data, int port) throws IOException {
        WeftChild server = WeftChild.startServer(dir, data, port);
        servers.add(server);
        return server;
    }

    @Test
    void theServerPairsServesIsManagedFromTheCommandLineAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        int port = WeftChild.freePort();
        WeftChild server = start(data, port);
        PairingLink link = PairingLink.parse(server.awaitLine("pair: "));
        assertThat(server.out()).contains("listening on 127.0.0.1:" + port + " (TLS)\n",
                "fingerprint: " + link.fingerprint() + "\n");
        assertThat(link.port()).isEqualTo(port);

        TestDevice laptop = TestDevice.pair(link, "laptop");
        TestDevice.Connection global = laptop.connect();
        global.send(new SyncDocUpsert(DOC, "notes/kept", 0, List.of(atom(laptop.site, 7, 'k')), List.of()));
        assertThat(global.expect(SyncDocResponse.class).name()).isEqualTo("notes/kept");
        long time = global.expect(SyncDocDone.class).syncTime();
        TestDevice.Connection session = laptop.connect();
        session.send(new SessionStart(time, DOC));
        session.until(m -> m instanceof SessionReady);

        WeftChild.Finished pairCode = WeftChild.run(dir, "pair-code", "--data", data.toString());
        assertThat(pairCode.status()).as(pairCode.err()).isZero();
        String pairLine = pairCode.out().lines().filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow();
        TestDevice phone = TestDevice.pair(PairingLink.parse(pairLine.substring("pair: ".length())), "phone");
        assertThat(phone.site).isNotEqualTo(laptop.site);

        WeftChild.Finished devices = WeftChild.run(dir, "devices", "--data", data.toString());
        assertThat(devices.status()).as(devices.err()).isZero();
        assertThat(devices.out().lines()).hasSize(5).first().asString().startsWith("NAME");
        assertThat(devices.out().lines().toList().subList(3, 5)).containsExactly(
                "files: 0 files, 0 versions, 0 chunks, 0 bytes stored", "history: 0 deleted characters kept in 0 notes");
        assertThat(devices.out()).containsPattern("laptop +" + laptop.site + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +active")
                .containsPattern("phone +" + phone.site + " +never +active");

        WeftChild.Finished revoke = WeftChild.run(dir, "revoke", "phone", "--data", data.toString());
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(revoke.out()).startsWith("revoked device 'phone' (site " + phone.site + ")");
        WeftChild.Finished nobody = WeftChild.run(dir, "revoke", "nobody", "--data", data.toString());
        assertThat(nobody.status()).isEqualTo(1);
        assertThat(nobody.err()).isEqualTo("weft: no device named 'nobody' has access (see 'weft devices')\n");

        assertThat(server.stop()).as("exit status after SIGTERM; stderr:%n%s", server.err()).isZero();
        assertThat(global.awaitClose()).isEqualTo(1001);
        assertThat(session.awaitClose()).isEqualTo(1001);
        String device = "device 'laptop' \\(site " + laptop.site + "\\) from /127\\.0\\.0\\.1:\\d+ ";
        assertThat(server.out()).containsPattern("open " + device + "global\n")
                .containsPattern("open " + device + "session " + DOC + "\n")
                .containsPattern("close " + device + "global 1001\n")
                .containsPattern("close " + device + "session " + DOC + " 1001\n")
                .contains("revoked device 'phone'").endsWith(" stopped\n");
        assertThat(server.err()).isEmpty();

        WeftChild again = start(data, port);
        assertThat(again.awaitLine("fingerprint: ")).as("the same certificate").isEqualTo(link.fingerprint());
        assertThat(again.awaitLine("1 device has access")).as("no live pairing code in the log once a device has access")
                .isEqualTo("; 'weft pair-code' prints a link to pair another");
        assertThat(again.out()).doesNotContain("pair: ", "code=");
        TestDevice.Connection after = laptop.connect();
        after.send(new SyncDocPull(DOC, 0));
        assertThat(after.expect(SyncDocResponse.class).inserts()).containsExactly(atom(laptop.site, 7, 'k'));
        assertThat(after.expect(SyncDocDone.class).syncTime()).isEqualTo(time);
        assertThat(again.stop()).isZero();
    }

    @Test
    void aSecondServerOnTheSameDataDirOrPortExitsWithOneLine() throws Exception {
        Path data = dir.resolve("data");
        int port = WeftChild.freePort();
        WeftChild server = start(data, port);
        PairingLink.parse(server.awaitLine("pair: "));

        WeftChild.Finished sameData = WeftChild.run(dir, "--server", "--port", Integer.toString(WeftChild.freePort()),
                "--bind", "127.0.0.1", "--data", data.toString());
        assertThat(sameData.status()).isEqualTo(1);
        assertThat(sameData.err()).isEqualTo("weft: data dir " + data + " is in use by another Weft server\n");

        Path other = dir.resolve("other");
        WeftChild.Finished samePort = WeftChild.run(dir, "--server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--data", other.toString());
        assertThat(samePort.status()).isEqualTo(1);
        assertThat(samePort.err()).isEqualTo("weft: cannot listen on 127.0.0.1:" + port
                + ": the port is in use or the address is not this machine's\n");

        assertThat(server.stop()).isZero();
        WeftChild.Finished stopped = WeftChild.run(dir, "devices", "--data", data.toString());
        assertThat(stopped.status()).isEqualTo(1);
        assertThat(stopped.err()).isEqualTo("weft: no Weft server is running with data dir " + data + "\n");
    }
}
