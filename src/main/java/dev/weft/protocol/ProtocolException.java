package dev.weft.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The one failure of decoding: the bytes are not a valid protocol message. Carries a short reason
 * and the WebSocket close code the connection must be closed with (docs/protocol.md §3).
 *
 * <p>The reason is never empty and at most {@value #MAX_REASON_BYTES} bytes of UTF-8, so it fits
 * a WebSocket close frame.
 */
public final class ProtocolException extends Exception {
    /** Close code of a malformed or forbidden message. */
    public static final int PROTOCOL_ERROR = 1002;
    /** Close code of a message larger than the configured limit. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** Largest reason that fits a WebSocket close frame (125 bytes less the 2-byte code). */
    public static final int MAX_REASON_BYTES = 123;

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int closeCode;

    private ProtocolException(int closeCode, String reason) {
        super(fitReason(reason));
        this.reason = getMessage();
        this.closeCode = closeCode;
    }

    /** A malformed or forbidden message: close code {@value #PROTOCOL_ERROR}. */
    public static ProtocolException protocolError(String reason) {
        return new ProtocolException(PROTOCOL_ERROR, reason);
    }

    /** A message over the size limit: close code {@value #MESSAGE_TOO_BIG}. */
    public static ProtocolException tooBig(String reason) {
        return new ProtocolException(MESSAGE_TOO_BIG, reason);
    }

    /** Why the bytes were refused; short, for a log line and the close frame. */
    public String reason() {
        return reason;
    }

    /** The WebSocket close code: {@value #PROTOCOL_ERROR} or {@value #MESSAGE_TOO_BIG}. */
    public int closeCode() {
        return closeCode;
    }

    private static String fitReason(String reason) {
        if (reason == null || reason.isEmpty()) {
            throw new IllegalArgumentException("a protocol error needs a reason");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        int bytes = 3;
        int end = 0;
        while (end < reason.length()) {
            int cp = reason.codePointAt(end);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > MAX_REASON_BYTES) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return reason.substring(0, end) + "...";
    }
}
