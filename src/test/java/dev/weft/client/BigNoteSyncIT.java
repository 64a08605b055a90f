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
 * ({@link WeftChild}), two real {@link SyncClient}s in this JVM (failsafe's {@code -Xmx2g}): one
 * device takes in a 5 MB (20 MB) {@code big.md} and uploads it, a fresh device downloads it, and
 * its file is byte for byte the same. Before: the device's parts came back to it in every answer
 * (a 5 MB note took 7 min and was cut off with 1008), and the download was cut off with 1008 and
 * left a partial file. Slow (5-10 min for 5 MB on a busy machine): the IT lane.
 *
 * <p>Tagged known-issue: the devices' own memory for a big note is the open defect. A device's peak
 * heap was 0.9 GB (of {@code -Xmx2g}) for 1 MB and 5.9 GB (of {@code -Xmx6g}) for 5 MB taken in
 * and uploaded (its replica and the record log's pending ops as objects; docs/benchmarks.md, "Big
 * note"): two devices of 5 MB do not fit failsafe's {@code -Xmx2g}. Run with {@code mvn -B verify -Dit.test=BigNoteSyncIT
 * -Dweft.excludedGroups= -Dsurefire.argLine=-Xmx12g} (the server runs with {@code -Xmx256m}).
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
