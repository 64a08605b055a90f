package dev.weft.store;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/** Pairing codes (docs/protocol.md §7), kept as hashes: each is good once, until it expires. */
final class PairingCodes {
    private final NavigableMap<byte[], Long> codes;

    PairingCodes(Tables tables) {
        this.codes = tables.pairingCodes;
    }

    /** Adds a code and forgets the ones that expired by {@code nowMicros}. */
    void put(byte[] codeHash, long expiresMicros, long nowMicros) {
        List<byte[]> expired = new ArrayList<>();
        codes.forEach((code, expires) -> {
            if (expires <= nowMicros) {
                expired.add(code);
            }
        });
        expired.forEach(codes::remove);
        codes.put(codeHash.clone(), expiresMicros);
    }

    /** True once for a code that was put and has not expired by {@code nowMicros}; it is gone after. */
    boolean consume(byte[] codeHash, long nowMicros) {
        Long expires = codes.remove(codeHash);
        return expires != null && expires > nowMicros;
    }
}
