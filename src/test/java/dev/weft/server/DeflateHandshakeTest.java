package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.Limits;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code /v1/sync} answers to permessage-deflate offers, on the wire. */
class DeflateHandshakeTest {
    static final String ANSWER = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

    @TempDir
    Path dir;

    /** The upgrade response's Sec-WebSocket-Extensions ("" when none) for {@code offer}. */
    static String negotiate(WeftServer server, String token, String offer) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            String request = "GET /v1/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (offer.isEmpty() ? "" : "Sec-WebSocket-Extensions: " + offer + "\r\n")
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            String response = head.toString(StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 101");
            Matcher m = Pattern.compile("(?i)sec-websocket-extensions: ([^\r]*)").matcher(response);
            return m.find() ? m.group(1) : "";
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate|" + ANSWER,
        "permessage-deflate; client_max_window_bits|" + ANSWER,
        "permessage-deflate; client_no_context_takeover|" + ANSWER,
        "permessage-deflate; server_no_context_takeover|" + ANSWER,
        "permessage-deflate; server_max_window_bits=15|" + ANSWER,
        "permessage-deflate; server_max_window_bits=10|''",
        "permessage-deflate; foo, permessage-deflate|" + ANSWER,
        "x-webkit-deflate-frame|''",
        "''|''"})
    void offersAreAnsweredWithFixedParameters(String offer, String expected) throws Exception {
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("s"),
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), ServerLog.silent())) {
            String token = TestDevice.pair(server.pairingLink(), "d").token;
            assertThat(negotiate(server, token, offer)).isEqualTo(expected);
            // no offer changes what the next connection gets (Undertow's own handshake object would)
            assertThat(negotiate(server, token, "permessage-deflate")).isEqualTo(ANSWER);
        }
    }

    @Test
    void aServerWithDeflateOffAcceptsNoExtension() throws Exception {
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("s"),
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT).withDeflate(false), ServerLog.silent())) {
            String token = TestDevice.pair(server.pairingLink(), "d").token;
            assertThat(negotiate(server, token, "permessage-deflate; client_max_window_bits")).isEmpty();
        }
    }
}
