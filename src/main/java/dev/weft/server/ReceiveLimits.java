package dev.weft.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a server takes in before it has handled it (docs/server.md, "Limits"): every binary
 * message being received or waiting to be handled counts against one budget for the whole server
 * and one share per device; a message must arrive whole within a deadline.
 *
 * @param budgetBytes bytes of incoming messages the server holds at once, over all connections;
 *     a connection that cannot get more waits with its reads suspended
 * @param perDeviceBytes bytes one device may hold over all its connections, at least one message
 *     of the largest size
 * @param guaranteedBytes bytes every device may hold whatever the others hold, outside the
 *     budget: small messages (session edits, pulls) of an honest device never wait for the
 *     uploads of others; at most 255 devices (sites) bound their sum
 * @param deadline how long a message may take from its first byte to its last, waits for budget
 *     included; past it the connection is closed with {@value ReceiveLimits#TOO_SLOW}
 */
public record ReceiveLimits(long budgetBytes, long perDeviceBytes, long guaranteedBytes, Duration deadline) {
    /** Close code of a connection whose message missed the deadline (docs/protocol.md §3, (ext)). */
    public static final int TOO_SLOW = 4408;

    /** Default {@link #budgetBytes}: 128 MiB, or a quarter of the heap when that is less. */
    public static final long DEFAULT_BUDGET_BYTES = Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 4);

    /** Default {@link #guaranteedBytes}: 256 KiB. */
    public static final long DEFAULT_GUARANTEED_BYTES = 256 << 10;

    /** Default {@link #deadline}: 120 s, time for a 16 MiB message at 140 KB/s. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);

    public ReceiveLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (perDeviceBytes < 1 || budgetBytes < perDeviceBytes) {
            throw new IllegalArgumentException("need 1 <= perDeviceBytes (" + perDeviceBytes + ") <= budgetBytes ("
                    + budgetBytes + ")");
        }
        if (guaranteedBytes < 0 || guaranteedBytes > perDeviceBytes) {
            throw new IllegalArgumentException("guaranteedBytes " + guaranteedBytes + " outside 0.." + perDeviceBytes);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline " + deadline + " is not positive");
        }
    }

    /**
     * The defaults for messages of at most {@code maxMessageBytes}: a device may hold two of them
     * (its global connection's upload and a session's inserts), the server at least that much.
     */
    public static ReceiveLimits forMessages(int maxMessageBytes) {
        long perDevice = 2L * maxMessageBytes;
        return new ReceiveLimits(Math.max(DEFAULT_BUDGET_BYTES, perDevice), perDevice, DEFAULT_GUARANTEED_BYTES,
                DEFAULT_DEADLINE);
    }
}
