package dev.weft.server;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which vault instance uses each device's token (docs/protocol.md §7, {@code Weft-Instance}, ext):
 * the first instance id a device connects with since the server started is that device's; a
 * connection with another id on the same token comes from a copy of the vault (made before its
 * Weft could tell, or whose place happens to match) and is refused, so that it pairs itself as a
 * device of its own. A connection without the header (an older device) is not checked.
 */
final class DeviceInstances {
    /** The header naming the vault instance, a UUID. */
    static final String HEADER = "Weft-Instance";

    private final Map<Integer, UUID> bySite = new ConcurrentHashMap<>();

    /** Whether {@code instance} may connect as the device of {@code site}; binds the device to it if it is the first. */
    boolean admit(int site, UUID instance) {
        return bySite.computeIfAbsent(site, s -> instance).equals(instance);
    }

    /** The instance id a header holds; empty for a missing header, and for a malformed one (an error). */
    static Optional<UUID> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() != 36) {
            throw new IllegalArgumentException("malformed " + HEADER + " header");
        }
        return Optional.of(UUID.fromString(value));
    }
}
