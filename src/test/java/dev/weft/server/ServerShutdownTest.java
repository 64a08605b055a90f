package dev.weft.server;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.SyncDocDone;
import dev.weft.protocol.SyncDocPull;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.Synclist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WeftServer#close} while global and session connections write without pause: every
 * connection gets 1001, nothing is logged as an error or thrown at an uncaught-exception handler
 * (no task refused by a pool already shut down, no work given to a closed store), and every
 * acknowledged op is there after the store is opened again.
 */
class ServerShutdownTest {
    @TempDir
    Path data;

    @Test
    void closeWithOpenConnectionsMidWriteIsQuietAndLosesNothing() throws Exception {
        AckedOps acked = new AckedOps();
        AtomicLong idents = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
        List<LogRecord> libraryLog = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue() || record.getThrown() != null) {
                    libraryLog.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Logger root = Logger.getLogger("");
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<WriteLoad> loads = new ArrayList<>();
        List<RawWebSocket> mute = new ArrayList<>();
        TestDevice device;
        int port;
        WeftServer server = WeftServer.start(config(0), new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8)));
        try {
            port = server.port();
            device = TestDevice.pair(server.pairingLink(), "writer");
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            root.addHandler(capture);
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 24; i++) {
                loads.add(WriteLoad.start(device, UUID.randomUUID(), acked, idents, i, failure, i % 2 == 1));
            }
            // two peers that never answer a close frame: one asked for a synclist and reads nothing
            mute.add(RawWebSocket.connect(port, device.token, 4096));
            mute.get(0).sendBinary(new MessageCodec().encode(new Synclist(0)));
            mute.add(RawWebSocket.connect(port, device.token, 4096));
            eventually("300 acknowledged ops or a failure", () -> acked.count() >= 300 || failure.get() != null);
            assertThat(failure.get()).as("the load before the close").isNull();
            assertThat(acked.count()).as("acknowledged ops before the close").isGreaterThanOrEqualTo(300);
            loads.forEach(WriteLoad::stopping);
        } finally {
            server.close();
            System.setErr(err);
            root.removeHandler(capture);
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        for (WriteLoad load : loads) {
            load.join();
        }
        for (RawWebSocket m : mute) {
            m.close();
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the server log").doesNotContain("ERROR").doesNotContain("Exception").contains("stopped");
        assertThat(log.lines().filter(l -> l.contains(" close ") && (l.endsWith(" 1001") || l.contains(" 1001 "))).count())
                .as("close lines with 1001 in%n%s", log).isEqualTo(loads.size() + mute.size());
        assertThat(uncaught).as("uncaught exceptions").isEmpty();
        assertThat(libraryLog).as("Undertow/XNIO warnings: %s", libraryLog.stream()
                .map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).toList()).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("standard error").isEmpty();

        try (WeftServer again = WeftServer.start(config(port), ServerLog.silent())) {
            TestDevice.Connection connection = device.connect();
            for (UUID document : acked.documents()) {
                connection.send(new SyncDocPull(document, 0));
                List<SyncDocResponse> answer = new ArrayList<>();
                for (Message m : connection.until(m -> m instanceof SyncDocDone)) {
                    if (m instanceof SyncDocResponse response) {
                        answer.add(response);
                    }
                }
                acked.checkHeldBy(document, answer, "after a close mid-write");
            }
        }
    }

    private ServerConfig config(int port) {
        return new ServerConfig("127.0.0.1", port, data, new ServerConfig.TlsSetting.None(), Limits.DEFAULT);
    }
}
