package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import dev.weft.protocol.PairingLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing pairing codes against a real server (issue 12 §5): past a few wrong codes an address
 * is answered 429 with Retry-After without its request being read, the log stays a few lines
 * however many guesses come, and a device from another address pairs meanwhile.
 */
class PairingBruteForceTest {
    private static final int GUESSES = 400;

    @TempDir
    Path data;

    @Test
    void guessesFromOneAddressAreSlowedAndSummedUp() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        ServerConfig config = new ServerConfig("127.0.0.1", 0, data, new ServerConfig.TlsSetting.None(), Limits.DEFAULT);
        try (WeftServer server = WeftServer.start(config, new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8)))) {
            PairingLink link = server.pairingLink();
            int before = logged.size();
            int wrong = 0;
            int slowed = 0;
            long started = System.nanoTime();
            for (int i = 0; i < GUESSES; i++) {
                HttpResponse<String> answer = TestDevice.pairRequest(link, "code=" + String.format("%026d", i) + "&device_name=mallory");
                if (answer.statusCode() == 403) {
                    wrong++;
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
                    assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0))
                            .isBetween(1L, PairingGuard.MAX_WAIT_SECONDS);
                    slowed++;
                }
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L + 1;
            assertThat(wrong).as("wrong codes tried in %d s", seconds).isLessThanOrEqualTo(triesAllowedIn(seconds));
            assertThat(slowed).isGreaterThan(0);
            // the right code from this address waits too: nothing is read, nothing is consumed
            assertThat(TestDevice.pairRequest(link, "code=" + link.code() + "&device_name=mallory").statusCode())
                    .isEqualTo(429);

            String log = logged.toString(StandardCharsets.UTF_8).substring(before);
            assertThat(log.lines().filter(l -> l.contains("pairing"))).as(log).hasSizeLessThanOrEqualTo(1 + (int) (seconds / 60));
            assertThat(log.length()).as(log).isLessThan(1000 + (int) (seconds / 60) * 200);

            // another address pairs with the code the guesses never reached
            String answer = postFrom(InetAddress.getByName("127.0.0.2"), server.port(),
                    "code=" + link.code() + "&device_name=honest");
            assertThat(answer).startsWith("HTTP/1.1 200").contains("token=");
        }
    }

    /** The most wrong codes one address can have answered in {@code seconds}: the free ones, then one per wait. */
    private static int triesAllowedIn(long seconds) {
        int tries = PairingGuard.FREE_WRONG;
        long spent = 0;
        for (int wrong = PairingGuard.FREE_WRONG; ; wrong++) {
            spent += PairingGuard.waitSeconds(wrong);
            if (spent > seconds) {
                return tries;
            }
            tries++;
        }
    }

    /** POSTs a pairing form from {@code local} with a plain socket; returns the whole answer. */
    private static String postFrom(InetAddress local, int port, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
            socket.setSoTimeout(60_000);
            byte[] form = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /v1/pair HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(form);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
