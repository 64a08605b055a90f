package dev.weft.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket (no TLS), upgraded by hand, that reads only when told to:
 * a peer that stops reading (its receive buffer small, so the server's sends back up at once), or
 * that never answers a close frame.
 */
final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** The head of the server's {@code 101} answer. */
    String upgradeHead;

    /** Connects to 127.0.0.1:{@code port}, upgrades {@code /v1/sync} with {@code token}. */
    static RawWebSocket connect(int port, String token, int receiveBufferBytes) throws IOException {
        return connect(port, token, receiveBufferBytes, "");
    }

    /** {@link #connect(int, String, int)} with more request header lines, each ending in CRLF. */
    static RawWebSocket connect(int port, String token, int receiveBufferBytes, String headerLines) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /v1/sync HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n" + headerLines + "\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String head = ws.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + head);
        }
        ws.upgradeHead = head;
        return ws;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Waits up to {@code millis} for each read (10 s unless told). */
    RawWebSocket readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** Sends one masked binary frame. */
    void sendBinary(byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x82);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Sends the header of a masked binary frame whose 64-bit length field holds {@code lengthBits}
     * ({@code Long.MIN_VALUE} for a header claiming 2^63 bytes); its payload follows with {@link #sendRaw}.
     */
    void sendHeader(boolean fin, long lengthBits) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(fin ? 0x82 : 0x02);
        frame.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
            frame.write((int) (lengthBits >> shift));
        }
        frame.write(new byte[4]); // a zero mask: the payload goes as is
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Sends the header of a continuation frame of {@code length} bytes, with a zero mask. */
    void sendContinuationHeader(boolean fin, long length) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(fin ? 0x80 : 0x00);
        frame.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
            frame.write((int) (length >> shift));
        }
        frame.write(new byte[4]);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Writes {@code bytes} as they are (a payload after a zero-mask header); blocks while the server does not read. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads frames until a close frame; returns its code, or -1 if the connection ended without
     * one. Every other frame is skipped.
     */
    int readUntilClose() throws IOException {
        byte[] payload = readClosePayload();
        if (payload == null) {
            return -1;
        }
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    /** Reads the next binary frame's payload (the server sends each message as one frame), skipping others. */
    byte[] readBinary() throws IOException {
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if ((b0 & 0x0f) == 2) {
                return payload;
            }
        }
    }

    /** Reads frames until a close frame; returns its payload, or null if the connection ended without one. */
    byte[] readClosePayload() throws IOException {
        InputStream input = in;
        while (true) {
            int b0 = input.read();
            if (b0 < 0) {
                return null;
            }
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if ((b0 & 0x0f) == 8) {
                return in.readNBytes((int) length);
            }
            in.skipNBytes(length);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
