package dev.weft.protocol;

/**
 * {@code 0 synclist}: asks for every document changed after {@code lastSyncTime}.
 *
 * @param lastSyncTime the device's global last sync time (u64, unsigned)
 */
public record Synclist(long lastSyncTime) implements Message {
    public static final int TYPE = 0;

    @Override
    public int type() {
        return TYPE;
    }
}
