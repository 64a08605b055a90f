package dev.weft.store;

/**
 * A paired device.
 *
 * @param name its name, unique without regard to case among the devices not revoked
 * @param site its site, 1..254, never given to another device
 * @param revoked whether its access was withdrawn
 * @param lastSeenMicros microseconds since the epoch when it was last seen, 0 if never
 */
public record Device(String name, int site, boolean revoked, long lastSeenMicros) {
}
