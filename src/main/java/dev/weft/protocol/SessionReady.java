package dev.weft.protocol;

/**
 * {@code 68 session_ready} (extension): the session's catch-up is complete.
 *
 * @param site the device's own site, 1..255
 * @param syncTime the time the client is now current to (u64, unsigned)
 */
public record SessionReady(int site, long syncTime) implements Message {
    public static final int TYPE = 68;

    public SessionReady {
        Fields.site(site);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
