package dev.weft.server.security;

import java.util.ArrayList;
import java.util.List;

/** Pairing codes in memory, for tests: the server keeps them in its store. */
final class MemoryPairingCodeStore implements PairingCodeStore {
    private record Entry(byte[] codeHash, long expiresMicros) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void put(byte[] codeHash, long expiresMicros) {
        entries.add(new Entry(codeHash.clone(), expiresMicros));
    }

    @Override
    public synchronized boolean consume(byte[] codeHash, long nowMicros) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (Secrets.constantTimeEquals(entry.codeHash(), codeHash)) {
                entries.remove(i);
                return nowMicros < entry.expiresMicros();
            }
        }
        return false;
    }

    synchronized List<byte[]> hashes() {
        List<byte[]> hashes = new ArrayList<>();
        entries.forEach(entry -> hashes.add(entry.codeHash()));
        return hashes;
    }
}
