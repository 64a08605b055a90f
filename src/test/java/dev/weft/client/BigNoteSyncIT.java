package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import dev.weft.testing.WeftChild;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big note end to end (issue 12 §1): {@code weft --server} as a child process with a 256 MiB heap
 * ({@link WeftChild}), two real {@link SyncClient}s in this JVM, one after the other: one
 * device takes in a 5 MB (20 MB) {@code big.md} and uploads it, a fresh device downloads it, and
 * its file is byte for byte the same. Before: the device's parts came back to it in every answer
 * (a 5 MB note took 7 min and was cut off with 1008), and the download was cut off with 1008 and
 * left a partial file. Slow: the IT lane.
 *
 * <p>Tagged known-issue: a device's memory for a big note. Before issue 12 §1's memory work its
 * peak heap was 5.9 GB for 5 MB (pending ops, a log read and a download's inserts held as objects
 * of the whole note; docs/benchmarks.md, "Big note"); after it, live heap 1.2 GB during the 5 MB
 * upload, and {@code BigNoteMeasure} (server {@code --no-tls}) syncs the 5 MB note whole at
 * {@code -Xmx3g} in ~6.5 min on a busy machine. This test has not passed yet: twice at
 * {@code -Xmx3g} (before and after the log was folded as decoded) device a took the file in and
 * paired, then sent nothing after the TLS handshake; its sync thread was idle,
 * no replica open, {@code syncOnce} waiting. Cause not found (an error in the sync thread that
 * nobody reports is one candidate: {@code SyncClient.execute} catches only runtime exceptions).
 * Run with
 * {@code mvn -B verify -Dit.test=BigNoteSyncIT -Dweft.excludedGroups= -Dsurefire.argLine=-Xmx3g}
 * (the server runs with {@code -Xmx256m}).
 */
@Tag("known-issue")
class BigNoteSyncIT {
    /** Bounds a sync that would never end; progress is what the test counts. */
    private static final Duration HANG = Duration.ofMinutes(30);

    @TempDir
    Path dir;
    private WeftChild server;

    @AfterEach
    void killLeftover() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFiveMegabyteNoteSyncsWhole() throws Exception {
        syncsWhole(5_000_016);
    }

    @Test
    void aTwentyMegabyteNoteSyncsWhole() throws Exception {
        syncsWhole(20_000_016);
    }

    private void syncsWhole(int bytes) throws Exception {
        Path data = dir.resolve("data");
        server = WeftChild.startServer(dir, data, WeftChild.freePort());
        PairingLink first = PairingLink.parse(server.awaitLine("pair: "));
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve("big.md"), BigNotes.text(bytes), StandardCharsets.UTF_8);
        try (Vault va = Vault.open(a, VaultOptions.defaults()); SyncClient ca = new SyncClient(va, SyncOptions.defaults())) {
            ca.pair(first, "a");
            ca.syncOnce(HANG);
            assertThat(va.withPendingOps()).isEmpty();
        }
        String pairLine = WeftChild.run(dir, "pair-code", "--data", data.toString()).ok().out().lines()
                .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow();
        Path b = dir.resolve("b");
        try (Vault vb = Vault.open(b, VaultOptions.defaults()); SyncClient cb = new SyncClient(vb, SyncOptions.defaults())) {
            cb.pair(PairingLink.parse(pairLine.substring("pair: ".length())), "b");
            cb.syncOnce(HANG);
            vb.flush();
        }
        assertThat(Files.mismatch(a.resolve("big.md"), b.resolve("big.md"))).as("the first byte that differs").isEqualTo(-1);
        assertThat(Files.list(b.resolve(".weft/incoming")).count()).as("nothing waits for a download").isZero();
        assertThat(server.stop()).isZero();
    }
}
