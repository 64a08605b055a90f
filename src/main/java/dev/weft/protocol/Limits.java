package dev.weft.protocol;

/**
 * Sizes a decoder accepts. A limit may be lowered below the protocol's own maximum, never raised
 * above it; the message size is the server's to choose (docs/protocol.md §1).
 *
 * @param maxMessageBytes largest WebSocket message (one frame of back-to-back messages), at least 1
 * @param maxNameBytes largest note name in bytes, 1..{@value NoteNames#MAX_BYTES}
 * @param maxDeviceNameBytes largest device name in {@code 70}, 1..{@value SessionPeer#MAX_DEVICE_NAME_BYTES}
 * @param maxErrorMessageBytes largest message text in {@code 36}, 0..{@value SyncError#MAX_MESSAGE_BYTES}
 */
public record Limits(int maxMessageBytes, int maxNameBytes, int maxDeviceNameBytes, int maxErrorMessageBytes) {
    /** Default message size limit: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 << 20;

    /** The protocol's limits with a 16 MiB message size. */
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_MESSAGE_BYTES, NoteNames.MAX_BYTES,
            SessionPeer.MAX_DEVICE_NAME_BYTES, SyncError.MAX_MESSAGE_BYTES);

    public Limits {
        check("maxMessageBytes", maxMessageBytes, 1, Integer.MAX_VALUE);
        check("maxNameBytes", maxNameBytes, 1, NoteNames.MAX_BYTES);
        check("maxDeviceNameBytes", maxDeviceNameBytes, 1, SessionPeer.MAX_DEVICE_NAME_BYTES);
        check("maxErrorMessageBytes", maxErrorMessageBytes, 0, SyncError.MAX_MESSAGE_BYTES);
    }

    /** These limits with another message size. */
    public Limits withMaxMessageBytes(int bytes) {
        return new Limits(bytes, maxNameBytes, maxDeviceNameBytes, maxErrorMessageBytes);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " outside " + min + ".." + max);
        }
    }
}
