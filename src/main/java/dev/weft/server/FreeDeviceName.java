package dev.weft.server;

import dev.weft.protocol.SessionPeer;
import dev.weft.store.WriteBatch;

/**
 * The name a device pairs under (docs/protocol.md §7): the name it asked for, else {@code NAME (2)},
 * {@code NAME (3)}, …, the first that no active device has (two laptops often share a host name), the
 * asked name cut to fit the length limit.
 */
final class FreeDeviceName {
    private FreeDeviceName() {
    }

    static String of(WriteBatch batch, String asked) {
        if (!batch.deviceNameTaken(asked)) {
            return asked;
        }
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            String name = PairCopyEndpoint.fit(asked, SessionPeer.MAX_DEVICE_NAME_BYTES - suffix.length()) + suffix;
            if (!batch.deviceNameTaken(name)) {
                return name;
            }
        }
    }
}
