package dev.weft.protocol;

/**
 * {@code 70 session_peer} (extension): another device joined or left the session. On the wire
 * {@code present} is a byte, 0 or 1.
 *
 * @param site the other device's site, 1..255
 * @param present whether it is in the session now
 * @param deviceName its name, 1..{@value #MAX_DEVICE_NAME_BYTES} bytes of UTF-8 without control characters
 */
public record SessionPeer(int site, boolean present, String deviceName) implements Message {
    public static final int TYPE = 70;
    /** Largest device name, in bytes of UTF-8. */
    public static final int MAX_DEVICE_NAME_BYTES = 255;

    public SessionPeer {
        Fields.site(site);
        TextRules.requirePlainText(deviceName, 1, MAX_DEVICE_NAME_BYTES, "deviceName");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
