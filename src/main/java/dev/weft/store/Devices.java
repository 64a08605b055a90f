package dev.weft.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paired devices (docs/protocol.md §7): each gets the next site, 1..254, never given again, even after
 * it is revoked. Names are unique without regard to case among the devices not revoked, so a device
 * re-paired under its old name after a revoke gets it back. The store keeps only token hashes.
 */
final class Devices {
    static final int LAST_SITE = 254;
    private static final String LAST = "lastSite";

    private final Tables t;

    Devices(Tables tables) {
        this.t = tables;
    }

    Device create(String name, byte[] tokenHash) {
        if (name == null || name.isBlank()) {
            throw new RefusedException("a device needs a name");
        }
        if (tokenHash == null || tokenHash.length == 0) {
            throw new IllegalArgumentException("a device needs a token hash");
        }
        String key = NameKey.of(name);
        if (t.deviceNames.containsKey(key)) {
            throw new RefusedException("a device named " + name + " is already paired");
        }
        if (t.tokens.containsKey(tokenHash)) {
            throw new IllegalArgumentException("that token hash belongs to another device");
        }
        long last = t.meta.getOrDefault(LAST, 0L);
        if (last >= LAST_SITE) {
            throw new RefusedException("all " + LAST_SITE + " device sites have been given out; no device can pair");
        }
        int site = (int) last + 1;
        t.meta.put(LAST, (long) site);
        DeviceRecord record = new DeviceRecord(name, false, 0);
        t.devices.put(site, record.encode());
        t.tokens.put(tokenHash.clone(), site);
        t.deviceNames.put(key, site);
        return record.device(site);
    }

    /** No device is given a site up to {@code site} (1..254) from now on. */
    void reserve(int site) {
        if (site >= 1 && site <= LAST_SITE && site > t.meta.getOrDefault(LAST, 0L)) {
            t.meta.put(LAST, (long) site);
        }
    }

    /** Whether a device not revoked has {@code name} (compared without regard to case). */
    boolean nameTaken(String name) {
        return t.deviceNames.containsKey(NameKey.of(name));
    }

    Optional<Device> byTokenHash(byte[] tokenHash) {
        Integer site = t.tokens.get(tokenHash);
        return site == null ? Optional.empty() : bySite(site);
    }

    Optional<Device> bySite(int site) {
        byte[] bytes = t.devices.get(site);
        return bytes == null ? Optional.empty() : Optional.of(DeviceRecord.decode(bytes).device(site));
    }

    /** Withdraws the access of the device named {@code name} that is not revoked yet; empty if none. */
    Optional<Device> revoke(String name) {
        Integer site = t.deviceNames.remove(NameKey.of(name));
        if (site == null) {
            return Optional.empty();
        }
        DeviceRecord before = DeviceRecord.decode(t.devices.get(site));
        DeviceRecord now = new DeviceRecord(before.name(), true, before.lastSeen());
        t.devices.put(site, now.encode());
        return Optional.of(now.device(site));
    }

    /** Every device ever paired, revoked ones too, by site. */
    List<Device> all() {
        List<Device> out = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> e : t.devices.entrySet()) {
            out.add(DeviceRecord.decode(e.getValue()).device(e.getKey()));
        }
        return out;
    }

    /** Records that {@code site} was seen at {@code micros}, if that is later than what is recorded. */
    void seen(int site, long micros) {
        byte[] bytes = t.devices.get(site);
        if (bytes != null) {
            DeviceRecord before = DeviceRecord.decode(bytes);
            if (micros > before.lastSeen()) {
                t.devices.put(site, new DeviceRecord(before.name(), before.revoked(), micros).encode());
            }
        }
    }
}
