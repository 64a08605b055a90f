package dev.weft.client.ws;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * RFC 7692 permessage-deflate for one connection: the parameters the server accepted, a raw
 * {@link Deflater} for our messages and a raw {@link Inflater} for the server's. The two halves
 * run at the same time on different threads (compress and {@link #endCompressor} on the
 * connection's writer, decompress and {@link #endDecompressor} on its reader), so they share no
 * mutable state: each has its own scratch buffer.
 */
final class PerMessageDeflate {
    /** Our offer: permessage-deflate, and the server may limit our window (then we do not compress). */
    static final String OFFER = "permessage-deflate; client_max_window_bits";
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final int CHUNK = 64 * 1024;

    /** The accepted parameters (RFC 7692 §7.1). Window bits are 15 when not given. */
    record Params(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
            int clientMaxWindowBits) {
        @Override
        public String toString() {
            return "permessage-deflate" + (serverNoContextTakeover ? "; server_no_context_takeover" : "")
                    + (clientNoContextTakeover ? "; client_no_context_takeover" : "")
                    + (serverMaxWindowBits != 15 ? "; server_max_window_bits=" + serverMaxWindowBits : "")
                    + (clientMaxWindowBits != 15 ? "; client_max_window_bits=" + clientMaxWindowBits : "");
        }
    }

    /**
     * Reads the server's {@code Sec-WebSocket-Extensions}: null when absent or empty, the accepted
     * parameters otherwise.
     *
     * @throws HandshakeException (status 101) for anything we did not offer or an invalid parameter
     */
    static Params parse(String header, boolean offered) throws HandshakeException {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] extensions = header.split(",");
        Params result = null;
        for (String extension : extensions) {
            String[] parts = extension.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!offered || !name.equals("permessage-deflate")) {
                throw bad("the server accepted an extension this client did not offer: " + extension.trim());
            }
            if (result != null) {
                throw bad("the server accepted permessage-deflate twice");
            }
            boolean serverNoTakeover = false;
            boolean clientNoTakeover = false;
            int serverBits = 15;
            int clientBits = 15;
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                int eq = param.indexOf('=');
                String key = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? null : unquote(param.substring(eq + 1).trim());
                if (!seen.add(key)) {
                    throw bad("the server repeated the permessage-deflate parameter " + key);
                }
                switch (key) {
                    case "server_no_context_takeover" -> {
                        noValue(key, value);
                        serverNoTakeover = true;
                    }
                    case "client_no_context_takeover" -> {
                        noValue(key, value);
                        clientNoTakeover = true;
                    }
                    case "server_max_window_bits" -> serverBits = bits(key, value);
                    case "client_max_window_bits" -> clientBits = bits(key, value);
                    default -> throw bad("unknown permessage-deflate parameter " + key);
                }
            }
            result = new Params(serverNoTakeover, clientNoTakeover, serverBits, clientBits);
        }
        return result;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static void noValue(String key, String value) throws HandshakeException {
        if (value != null) {
            throw bad(key + " takes no value");
        }
    }

    private static int bits(String key, String value) throws HandshakeException {
        if (value == null || !value.matches("[0-9]{1,2}")) {
            throw bad(key + " needs a value 8..15");
        }
        int bits = Integer.parseInt(value);
        if (bits < 8 || bits > 15) {
            throw bad(key + " " + bits + " outside 8..15");
        }
        return bits;
    }

    private static HandshakeException bad(String message) {
        return new HandshakeException(101, message);
    }

    private final Params params;
    private final Deflater deflater;
    private final byte[] deflated = new byte[CHUNK];
    private final Inflater inflater = new Inflater(true);
    private final byte[] inflated = new byte[CHUNK];

    PerMessageDeflate(Params params, int level) {
        this.params = params;
        // the JDK's Deflater always uses a 32 KiB window: a smaller client_max_window_bits means never compressing
        this.deflater = params.clientMaxWindowBits() == 15 ? new Deflater(level, true) : null;
    }

    Params params() {
        return params;
    }

    /**
     * {@code message} compressed (RFC 7692 §7.2.1: SYNC_FLUSH, the trailing {@code 00 00 ff ff}
     * removed), or null when compressing is not allowed or does not make it smaller; then it must be
     * sent uncompressed (RSV1 clear). Called by the writer thread only, in the order the messages go out.
     */
    byte[] compress(byte[] message) {
        if (deflater == null) {
            return null;
        }
        deflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, message.length / 4));
        int n;
        do {
            n = deflater.deflate(deflated, 0, deflated.length, Deflater.SYNC_FLUSH);
            out.write(deflated, 0, n);
        } while (n == deflated.length || !deflater.needsInput());
        byte[] compressed = out.toByteArray();
        int length = compressed.length;
        boolean tail = length >= 4 && compressed[length - 4] == 0 && compressed[length - 3] == 0
                && compressed[length - 2] == (byte) 0xff && compressed[length - 1] == (byte) 0xff;
        if (!tail || length - 4 >= message.length) {
            // the receiver will not see this message through its inflater: our history must forget it too
            deflater.reset();
            return null;
        }
        if (params.clientNoContextTakeover()) {
            deflater.reset();
        }
        return java.util.Arrays.copyOf(compressed, length - 4);
    }

    /**
     * Decompresses one message's payload (all its frames), appending the RFC 7692 §7.2.2 tail.
     * Called by the reader thread only.
     *
     * @throws CloseException 1009 when the result would exceed {@code max} bytes (a deflate bomb is
     *     stopped after at most {@code max} + 64 KiB of output), 1007 for data that is not deflate
     */
    byte[] decompress(byte[] payload, int max) throws CloseException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, Math.max(64, payload.length * 4)));
        try {
            inflate(payload, out, max);
            if (!inflater.finished()) {
                inflate(TAIL, out, max);
            }
        } catch (DataFormatException e) {
            throw new CloseException(1007, "the server sent invalid compressed data");
        }
        if (inflater.finished() || params.serverNoContextTakeover()) {
            inflater.reset(); // a final block ends the server's stream: its next message starts a new one
        }
        return out.toByteArray();
    }

    private void inflate(byte[] input, ByteArrayOutputStream out, int max) throws DataFormatException, CloseException {
        inflater.setInput(input);
        while (!inflater.finished()) {
            int n = inflater.inflate(inflated);
            if (n == 0) {
                if (inflater.needsInput()) {
                    return;
                }
                if (inflater.needsDictionary()) {
                    throw new DataFormatException("a preset dictionary");
                }
            }
            if ((long) out.size() + n > max) {
                throw new CloseException(1009, "the server sent a message over the size limit (decompressed)");
            }
            out.write(inflated, 0, n);
        }
    }

    /** Frees the deflater's zlib memory; on the writer thread, after its last message. */
    void endCompressor() {
        if (deflater != null) {
            deflater.end();
        }
    }

    /** Frees the inflater's zlib memory; on the reader thread, once it reads no more. */
    void endDecompressor() {
        inflater.end();
    }
}
