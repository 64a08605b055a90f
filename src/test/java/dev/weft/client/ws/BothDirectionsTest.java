package dev.weft.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both directions at once on one connection, as in a first sync: the writer thread compresses
 * and frames our messages (and keepalive pings) while the reader thread inflates the server's.
 * Before the fix the two threads shared one 64 KiB scratch buffer in {@link PerMessageDeflate}:
 * each overwrote the other's output, so the server got bad deflate data (it dropped the socket,
 * 1001) or we got a garbled message (the codec refused it, 1002 "bad frame").
 */
class BothDirectionsTest {
    private static final int MESSAGES = 300;
    private static final int IN_FLIGHT = 16;

    @Test
    void pipelinedCompressedMessagesWithFrequentPingsAllArriveIntact() throws Exception {
        try (EchoServer server = new EchoServer(true)) {
            Recorder r = new Recorder();
            // a ping whenever the server is quiet for 250 ms (Undertow allows 300 a minute): pings go out between data frames
            WebSocket ws = WebSocketClientTest.connect(server.uri(), r,
                    Options.DEFAULT.withKeepalive(Duration.ofMillis(250), Duration.ofSeconds(60)));
            assertThat(ws.extension()).isNotNull();
            Semaphore window = new Semaphore(IN_FLIGHT);
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < MESSAGES; i++) {
                    window.acquireUninterruptibly();
                    ws.sendBinary(message(i));
                }
            });
            for (int i = 0; i < MESSAGES; i++) {
                byte[] echo = r.binary.poll(60, TimeUnit.SECONDS);
                assertThat(r.closed).as("closed after %d echoes", i).isNotDone();
                assertThat(r.error).as("failed after %d echoes", i).isNotDone();
                assertThat(echo).as("echo %d", i).isNotNull();
                assertThat(java.util.Arrays.mismatch(echo, message(i))).as("first wrong byte of echo %d", i).isEqualTo(-1);
                window.release();
            }
            sender.get(60, TimeUnit.SECONDS);
            ws.close(1000, "done");
            assertThat(r.awaitClose().code()).isEqualTo(1000);
            assertThat(r.terminalCalls).isEqualTo(1);
        }
    }

    /** 20 to 90 KB of prose: compressed frames that need more than one pass through a 64 KiB buffer. */
    private static byte[] message(int i) {
        return WebSocketClientTest.prose(20_000 + (i * 7919) % 70_000, i);
    }
}
