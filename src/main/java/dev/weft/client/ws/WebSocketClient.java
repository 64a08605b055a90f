package dev.weft.client.ws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Opens client WebSockets (RFC 6455) over a plain socket ({@code ws://}) or a TLS socket from the
 * given {@link SSLContext} ({@code wss://}), offering permessage-deflate (RFC 7692). JDK only.
 */
public final class WebSocketClient {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Keepalive and close timers of every connection: one daemon thread. */
    static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "weft-ws-timers");
        t.setDaemon(true);
        return t;
    });

    private WebSocketClient() {
    }

    /**
     * Connects to {@code uri} ({@code ws://} or {@code wss://}; {@code wss} needs {@code tls}) on a
     * new daemon thread, which then reads the connection. The future fails with the cause: a
     * {@link HandshakeException} carrying the HTTP status when the server does not upgrade, an
     * {@link IOException} (connect refused, timeout, TLS failure) otherwise.
     *
     * @param headers extra request headers, such as {@code Authorization}
     */
    public static CompletableFuture<WebSocket> connect(URI uri, Map<String, String> headers, SSLContext tls,
            Listener listener, Options options) {
        boolean secure = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "wss" -> true;
            case "ws" -> false;
            default -> throw new IllegalArgumentException("not a ws:// or wss:// URI: " + uri);
        };
        if (secure && tls == null) {
            throw new IllegalArgumentException("wss:// needs an SSLContext");
        }
        String host = uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        String name = host + ":" + port;
        CompletableFuture<WebSocket> result = new CompletableFuture<>();
        Thread connector = new Thread(() -> {
            Socket socket = new Socket();
            try {
                WebSocket ws = open(socket, uri, host, port, secure ? tls : null, headers, listener, options, name);
                result.complete(ws);
            } catch (Throwable e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // failing anyway
                }
                result.completeExceptionally(e);
            }
        }, "weft-ws-connect " + name);
        connector.setDaemon(true);
        connector.start();
        return result;
    }

    private static WebSocket open(Socket raw, URI uri, String host, int port, SSLContext tls, Map<String, String> headers,
            Listener listener, Options options, String name) throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetSocketAddress address = new InetSocketAddress(bare, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(bare);
        }
        raw.connect(address, timeout);
        raw.setTcpNoDelay(true);
        raw.setSoTimeout(timeout);
        Socket socket = raw;
        if (tls != null) {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, bare, port, true);
            ssl.setUseClientMode(true);
            ssl.startHandshake();
            socket = ssl;
        }
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);

        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder request = new StringBuilder();
        request.append("GET ").append(path).append(" HTTP/1.1\r\n");
        request.append("Host: ").append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                .append(':').append(port).append("\r\n");
        request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
        request.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
        request.append("Sec-WebSocket-Version: 13\r\n");
        if (options.offerDeflate()) {
            request.append("Sec-WebSocket-Extensions: ").append(PerMessageDeflate.OFFER).append("\r\n");
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().indexOf('\r') >= 0 || h.getKey().indexOf('\n') >= 0
                    || h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header with a line break");
            }
            request.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        Response response = readResponse(in);
        if (response.status != 101) {
            throw new HandshakeException(response.status,
                    "the server answered the WebSocket upgrade with HTTP " + response.status);
        }
        if (!"websocket".equalsIgnoreCase(response.header("upgrade"))) {
            throw new HandshakeException(101, "the server's 101 lacks Upgrade: websocket");
        }
        String connection = response.header("connection");
        if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            throw new HandshakeException(101, "the server's 101 lacks Connection: Upgrade");
        }
        if (!accept(key).equals(response.header("sec-websocket-accept"))) {
            throw new HandshakeException(101, "the server's Sec-WebSocket-Accept does not match the key");
        }
        if (response.header("sec-websocket-protocol") != null) {
            throw new HandshakeException(101, "the server chose a subprotocol this client did not offer");
        }
        PerMessageDeflate.Params params = PerMessageDeflate.parse(response.header("sec-websocket-extensions"),
                options.offerDeflate());
        socket.setSoTimeout(0); // from here on the keepalive notices a dead network
        WebSocket ws = new WebSocket(socket, in, out, params == null ? null : new PerMessageDeflate(params,
                options.deflateLevel()), options, listener, name);
        ws.upgradeHeaders(response.headers());
        ws.start();
        return ws;
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    private record Response(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** The status line and headers, up to the empty line and not a byte further. */
    private static Response readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection during the WebSocket upgrade");
            }
            bytes.write(b);
            if (bytes.size() > MAX_RESPONSE_HEADER_BYTES) {
                throw new IOException("the server's upgrade response is too long");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].matches("[0-9]{3}")) {
            throw new IOException("the server did not answer with HTTP: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return new Response(Integer.parseInt(status[1]), headers);
    }
}
