package dev.weft.client.ws;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server's frames (RFC 6455 §5) and turns them into events: whole data messages
 * (reassembled from fragments, decompressed when RSV1 says so), pings, pongs and the close frame.
 * Everything the server gets wrong ends in a {@link CloseException} with the code to fail the
 * connection with; no length is trusted before it is checked against the limit.
 */
final class Inbound {
    sealed interface Event permits Data, Ping, Pong, Close {
    }

    /** A whole message; {@code wire} counts its frames as they were on the socket. */
    record Data(byte[] bytes, boolean text, long wire) implements Event {
    }

    record Ping(byte[] payload) implements Event {
    }

    record Pong(byte[] payload) implements Event {
    }

    /** A close frame: {@code code} 1005 when it had none. */
    record Close(int code, String reason) implements Event {
    }

    static final int CONTINUATION = 0;
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    private final DataInputStream in;
    private final PerMessageDeflate deflate;
    private final int maxMessageBytes;
    private final ByteArrayOutputStream parts = new ByteArrayOutputStream();
    private int messageOpcode = -1;
    private boolean compressed;
    private long wire;

    /** {@code deflate} is null when permessage-deflate was not negotiated (then RSV1 is an error). */
    Inbound(InputStream in, PerMessageDeflate deflate, int maxMessageBytes) {
        this.in = new DataInputStream(in);
        this.deflate = deflate;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Largest payload we keep before decompressing: a compressed message may be a little larger than its text. */
    private long maxPayload() {
        return deflate == null ? maxMessageBytes : (long) maxMessageBytes + (maxMessageBytes >> 4) + 1024;
    }

    /** The next event; blocks. {@link EOFException} when the server closed TCP. */
    Event next() throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                throw new EOFException("the server closed the connection without a close frame");
            }
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            boolean rsv1 = (b0 & 0x40) != 0;
            int opcode = b0 & 0x0f;
            if ((b0 & 0x30) != 0) {
                throw new CloseException(1002, "the server set RSV2/RSV3");
            }
            if ((b1 & 0x80) != 0) {
                throw new CloseException(1002, "the server masked a frame");
            }
            long length = b1 & 0x7f;
            int header = 2;
            if (length == 126) {
                length = in.readUnsignedShort();
                header += 2;
                if (length < 126) {
                    throw new CloseException(1002, "a frame length not in its shortest form");
                }
            } else if (length == 127) {
                length = in.readLong();
                header += 8;
                if (length < 0) {
                    throw new CloseException(1002, "a 64-bit frame length with its top bit set");
                }
                if (length <= 0xffff) {
                    throw new CloseException(1002, "a frame length not in its shortest form");
                }
            }
            if (opcode >= 8) {
                if (opcode > PONG) {
                    throw new CloseException(1002, "unknown control opcode " + opcode);
                }
                if (!fin || length > 125) {
                    throw new CloseException(1002, "a fragmented or long control frame");
                }
                if (rsv1) {
                    throw new CloseException(1002, "RSV1 on a control frame");
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                switch (opcode) {
                    case PING:
                        return new Ping(payload);
                    case PONG:
                        return new Pong(payload);
                    default:
                        return close(payload);
                }
            }
            if (opcode != CONTINUATION && opcode != TEXT && opcode != BINARY) {
                throw new CloseException(1002, "unknown data opcode " + opcode);
            }
            if (opcode == CONTINUATION) {
                if (messageOpcode < 0) {
                    throw new CloseException(1002, "a continuation frame without a message");
                }
                if (rsv1) {
                    throw new CloseException(1002, "RSV1 on a continuation frame");
                }
            } else {
                if (messageOpcode >= 0) {
                    throw new CloseException(1002, "a new message before the last one ended");
                }
                if (rsv1 && deflate == null) {
                    throw new CloseException(1002, "RSV1 without permessage-deflate");
                }
                messageOpcode = opcode;
                compressed = rsv1;
                wire = 0;
            }
            if (parts.size() + length > (compressed ? maxPayload() : maxMessageBytes)) {
                throw new CloseException(1009, "the server sent a message over the size limit");
            }
            wire += header + length;
            copy(length);
            if (fin) {
                byte[] bytes = parts.toByteArray();
                parts.reset();
                boolean text = messageOpcode == TEXT;
                messageOpcode = -1;
                if (compressed) {
                    bytes = deflate.decompress(bytes, maxMessageBytes);
                }
                if (text) {
                    utf8(bytes); // checked here, decoded again by the owner
                }
                return new Data(bytes, text, wire);
            }
        }
    }

    private void copy(long length) throws IOException {
        byte[] buffer = new byte[(int) Math.min(length, 64 * 1024)];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(left, buffer.length));
            if (n < 0) {
                throw new EOFException("the server closed the connection within a frame");
            }
            parts.write(buffer, 0, n);
            left -= n;
        }
    }

    private static Close close(byte[] payload) throws CloseException {
        if (payload.length == 0) {
            return new Close(1005, "");
        }
        if (payload.length == 1) {
            throw new CloseException(1002, "a close frame with a 1-byte payload");
        }
        int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        if (!validCloseCode(code)) {
            throw new CloseException(1002, "the close code " + code + " may not be sent");
        }
        return new Close(code, utf8(java.util.Arrays.copyOfRange(payload, 2, payload.length)));
    }

    /** RFC 6455 §7.4: codes an endpoint may put in a close frame. */
    static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    static String utf8(byte[] bytes) throws CloseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CloseException(1007, "the server sent text that is not UTF-8");
        }
    }
}
