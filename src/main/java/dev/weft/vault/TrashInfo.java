package dev.weft.vault;

/**
 * What a device knows of a note's trash.
 *
 * @param at when, microseconds since the epoch (the server's sync time once it confirmed the trash)
 * @param batch the batch: every trash of one user action or one sync shares it (0: none)
 * @param device the name of the device that trashed it (empty: unknown)
 * @param local {@code at} and {@code device} are this device's own, not the server's yet
 * @param purgeAsked the user asked to delete it forever; the server has not confirmed it yet
 */
public record TrashInfo(long at, long batch, String device, boolean local, boolean purgeAsked) {
    TrashInfo withPurgeAsked(boolean asked) {
        return new TrashInfo(at, batch, device, local, asked);
    }

    TrashInfo withBatch(long newBatch) {
        return new TrashInfo(at, newBatch, device, local, purgeAsked);
    }
}
