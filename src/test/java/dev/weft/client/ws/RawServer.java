package dev.weft.client.ws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server written byte by byte, for what a real server will not do on request: a chosen
 * handshake answer, fragments, bombs, silence. One connection.
 */
final class RawServer implements AutoCloseable {
    record Frame(boolean fin, boolean rsv1, int opcode, byte[] payload) {
    }

    private final ServerSocket listener;
    private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    String request;

    RawServer() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                accepted.complete(listener.accept());
            } catch (IOException e) {
                accepted.completeExceptionally(e);
            }
        }, "raw-server-accept");
        t.setDaemon(true);
        t.start();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/raw");
    }

    /** Reads the upgrade request and answers 101 with {@code extensions} (null: none). */
    void upgrade(String extensions) throws Exception {
        readRequest();
        Matcher key = Pattern.compile("Sec-WebSocket-Key: (\\S+)").matcher(request);
        if (!key.find()) {
            throw new AssertionError("no key in " + request);
        }
        answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WebSocketClient.accept(key.group(1)) + "\r\n"
                + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n") + "\r\n");
    }

    void readRequest() throws Exception {
        socket = accepted.get(60, TimeUnit.SECONDS);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            bytes.write(in.readUnsignedByte());
        }
        request = bytes.toString(StandardCharsets.ISO_8859_1);
    }

    void answer(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void write(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** An unmasked server frame. */
    static byte[] frame(boolean fin, boolean rsv1, int opcode, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            f.write(n);
        } else if (n <= 0xffff) {
            f.write(126);
            f.write(n >> 8);
            f.write(n);
        } else {
            f.write(127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) n >>> (8 * i)));
            }
        }
        f.writeBytes(payload);
        return f.toByteArray();
    }

    void send(boolean fin, boolean rsv1, int opcode, byte[] payload) throws IOException {
        write(frame(fin, rsv1, opcode, payload));
    }

    /** The client's next frame, unmasked; asserts it was masked. */
    Frame read() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        if ((b1 & 0x80) == 0) {
            throw new AssertionError("a client frame without a mask");
        }
        long n = b1 & 0x7f;
        if (n == 126) {
            n = in.readUnsignedShort();
        } else if (n == 127) {
            n = in.readLong();
        }
        byte[] mask = new byte[4];
        in.readFully(mask);
        byte[] payload = new byte[(int) n];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new Frame((b0 & 0x80) != 0, (b0 & 0x40) != 0, b0 & 0x0f, payload);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }
}
