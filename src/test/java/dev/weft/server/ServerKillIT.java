package dev.weft.server;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Message;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.testing.WeftChild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged op is ever lost: {@code weft --server} as a child process under a steady write
 * load (two devices' worth of upserts and an editing session) is killed with SIGKILL after a random
 * number of acknowledged ops, again and again; after each restart on the same data dir and port, a pull from 0 of
 * every document must hold every op the server had acknowledged.
 */
class ServerKillIT {
    private static final int KILLS = 12;
    private static final long SEED = 20261125L;

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
    void everyAcknowledgedOpSurvivesRepeatedSigkills() throws Exception {
        Random random = new Random(SEED);
        Path data = dir.resolve("data");
        int port = WeftChild.freePort();
        server = WeftChild.startServer(dir, data, port);
        TestDevice device = TestDevice.pair(PairingLink.parse(server.awaitLine("pair: ")), "writer");
        AckedOps acked = new AckedOps();
        AtomicLong idents = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<UUID> documents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        for (int kill = 1; kill <= KILLS; kill++) {
            int before = acked.count();
            List<WriteLoad> loads = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                loads.add(WriteLoad.start(device, documents.get(i), acked, idents, random.nextLong(), failure, i == 2));
            }
            // the kill lands after a random amount of progress, however fast the machine makes it
            int target = before + 1 + random.nextInt(400);
            eventually("ops acknowledged in round " + kill, () -> acked.count() >= target || failure.get() != null);
            assertThat(failure.get()).as("the load in round %d", kill).isNull();
            loads.forEach(WriteLoad::stopping);
            server.kill();
            for (WriteLoad load : loads) {
                load.join();
            }
            assertThat(failure.get()).as("the load until kill %d", kill).isNull();

            server = WeftChild.startServer(dir, data, port);
            server.awaitLine("fingerprint: "); // a device has access: no pairing link unless asked
            checkEveryAcknowledgedOpIsHeld(device, acked, "after kill " + kill + " (seed " + SEED + ")");
        }
        assertThat(server.stop()).isZero();
    }

    private static void checkEveryAcknowledgedOpIsHeld(TestDevice device, AckedOps acked, String when)
            throws Exception {
        TestDevice.Connection connection = device.connect();
        for (UUID document : acked.documents()) {
            connection.send(new SyncDocPull(document, 0));
            List<SyncDocResponse> answer = new ArrayList<>();
            for (Message m : connection.until(m -> m instanceof SyncDocDone)) {
                if (m instanceof SyncDocResponse response) {
                    answer.add(response);
                }
            }
            acked.checkHeldBy(document, answer, when);
        }
        connection.close();
    }
}
