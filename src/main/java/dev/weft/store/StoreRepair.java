package dev.weft.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Rebuilds a damaged store ({@code weft repair-store}): a new store file is made from every entry
 * of the old one that still reads, and the old file is kept beside it as
 * {@code weft.db.damaged-TIME}. A note is kept only whole: a note whose record, atoms or history
 * fall under a damaged page is left out (devices that hold it upload it again: the new file is a
 * new store), and the report names it. The indexes (sync index, names, device names) are rebuilt
 * from the records rather than copied. Run with the server stopped (the data dir's lock says so).
 */
public final class StoreRepair {
    /** Puts between two commits of the new file: MapDB's write-ahead log stays in memory. */
    private static final int COMMIT_EVERY = 20_000;

    /**
     * What the rebuild kept and lost.
     *
     * @param damage what the check of the old file found, or empty if it found nothing
     * @param keptNotes notes in the new store
     * @param lostNotes names of the notes left out because part of them did not read
     * @param lostUnnamed notes whose record did not read (their atoms did): names unknown
     * @param keptDevices devices in the new store
     * @param devicesToPairAgain devices (name or site) whose record or token did not read
     * @param oldFile where the old file was kept
     */
    public record Report(String damage, int keptNotes, List<String> lostNotes, int lostUnnamed, int keptDevices,
            List<String> devicesToPairAgain, Path oldFile) {
        /** The report for a person, one fact a line. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(damage.isEmpty() ? "no damage was found; the store was rebuilt all the same" : "damage: " + damage);
            out.add("kept " + keptNotes + " notes and " + keptDevices + " devices; the old file is " + oldFile);
            lostNotes.forEach(name -> out.add("lost note '" + name + "': devices that have it upload it again"));
            if (lostUnnamed > 0) {
                out.add("lost " + lostUnnamed + " notes whose records were damaged (names unknown): devices that have"
                        + " them upload them again");
            }
            devicesToPairAgain.forEach(d -> out.add("lost device " + d + ": revoke it and pair it again"));
            return out;
        }
    }

    private final StoreFiles old;
    private final StoreFiles fresh;
    private int puts;

    private StoreRepair(StoreFiles old, StoreFiles fresh) {
        this.old = old;
        this.fresh = fresh;
    }

    /**
     * Rebuilds the store in {@code dataDir} from what reads.
     *
     * @throws StoreException if the data dir is in use (a server runs) or the files cannot be written
     */
    public static Report rebuild(Path dataDir) {
        Path work = dataDir.resolve("weft.db.rebuilding");
        deleteTree(work);
        Report report;
        StoreFiles old;
        String unreadable = null;
        try {
            old = StoreFiles.openToRepair(dataDir);
        } catch (StoreException e) {
            if (e.getMessage().contains("in use")) {
                throw e;
            }
            old = null;
            unreadable = e.getMessage();
        }
        try (StoreFiles fresh = StoreFiles.open(work)) {
            if (old == null) {
                report = new Report("nothing could be read: " + unreadable, 0, List.of(), 0, 0, List.of(), null);
            } else {
                report = new StoreRepair(old, fresh).copy();
            }
        } finally {
            if (old != null) {
                old.close();
            }
        }
        Path kept = dataDir.resolve(StoreFiles.MAIN + ".damaged-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
            Files.move(dataDir.resolve(StoreFiles.MAIN), kept);
            Files.deleteIfExists(dataDir.resolve(StoreFiles.MAIN + ".redo")); // finished when the old file opened
            Files.move(work.resolve(StoreFiles.MAIN), dataDir.resolve(StoreFiles.MAIN), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot put the rebuilt store in place in " + dataDir + ": " + e, e);
        }
        deleteTree(work);
        return new Report(report.damage(), report.keptNotes(), report.lostNotes(), report.lostUnnamed(),
                report.keptDevices(), report.devicesToPairAgain(), kept);
    }

    private Report copy() {
        Tables from = old.tables;
        Tables to = fresh.tables;
        Map<UUID, DocumentRecord> records = new LinkedHashMap<>();
        List<Salvage.Lost> lostRecords = Salvage.copy(from.documents, Keys.DOCUMENT,
                (key, value) -> records.put(Keys.documentAt(key, 0), DocumentRecord.decode(value)));
        Set<UUID> unnamed = new HashSet<>();
        List<Salvage.Lost> lost = new ArrayList<>(Salvage.copy(from.atoms, Keys.DOCUMENT, (key, value) -> {
            UUID doc = Keys.documentAt(key, 0);
            if (records.containsKey(doc)) {
                put(to.atoms, key, value);
            } else {
                unnamed.add(doc);
            }
        }));
        lost.addAll(Salvage.copy(from.runs, Keys.DOCUMENT, (key, value) -> {
            UUID doc = Keys.documentAt(key, 0);
            if (records.containsKey(doc)) {
                put(to.runs, key, value);
            } else {
                unnamed.add(doc);
            }
        }));
        lost.addAll(Salvage.copy(from.history, Keys.DOCUMENT, (key, value) -> {
            if (records.containsKey(Keys.documentAt(key, 0))) {
                put(to.history, key, value);
            }
        }));
        Documents documents = new Documents(to);
        List<String> lostNotes = new ArrayList<>();
        long lastTime = 0;
        for (Map.Entry<UUID, DocumentRecord> doc : records.entrySet()) {
            byte[] key = Keys.document(doc.getKey());
            DocumentRecord record = doc.getValue();
            lastTime = Math.max(lastTime, record.syncTime());
            if (lost.stream().anyMatch(range -> range.covers(key))) {
                lostNotes.add(record.name());
                drop(to, key);
            } else {
                documents.put(doc.getKey(), null, record);
                if (!record.trashed()) {
                    documents.holdName(doc.getKey(), record.name());
                }
                puts++;
            }
        }
        int lostUnnamed = unnamed.size();
        List<String> pairAgain = new ArrayList<>();
        int lastSite = copyDevices(from, to, pairAgain);
        to.meta.put("lastSyncTime", Math.max(lastTime, read(() -> from.meta.getOrDefault("lastSyncTime", 0L), 0L)));
        to.meta.put("lastSite", (long) Math.max(lastSite, read(() -> from.meta.getOrDefault("lastSite", 0L), 0L)));
        fresh.db.commit();
        String damage = old.damage.map(Throwable::getMessage).orElse("");
        if (damage.isEmpty() && (!lostRecords.isEmpty() || !lost.isEmpty())) {
            damage = "parts of the store did not read";
        }
        return new Report(damage, records.size() - lostNotes.size(), lostNotes, lostUnnamed,
                to.devices.size(), pairAgain, null);
    }

    /**
     * Copies every device record and token that reads and rebuilds the device names; returns the
     * greatest site known, given or lost, so no site is given twice.
     */
    private int copyDevices(Tables from, Tables to, List<String> pairAgain) {
        int lastSite = 0;
        Map<Integer, DeviceRecord> devices = new LinkedHashMap<>();
        for (int site = 1; site <= Devices.LAST_SITE; site++) {
            try {
                byte[] record = from.devices.get(site);
                if (record != null) {
                    devices.put(site, DeviceRecord.decode(record));
                    lastSite = site;
                }
            } catch (RuntimeException damaged) {
                pairAgain.add("of site " + site);
                lastSite = site;
            }
        }
        Set<Integer> withToken = new TreeSet<>();
        Salvage.copy(from.tokens, 32, (hash, site) -> {
            if (devices.containsKey(site)) {
                to.tokens.put(hash, site);
                withToken.add(site);
            }
        });
        for (Map.Entry<Integer, DeviceRecord> device : devices.entrySet()) {
            DeviceRecord record = device.getValue();
            to.devices.put(device.getKey(), record.encode());
            if (!record.revoked()) {
                to.deviceNames.put(NameKey.of(record.name()), device.getKey());
                if (!withToken.contains(device.getKey())) {
                    pairAgain.add("'" + record.name() + "' (its token)");
                }
            }
        }
        return lastSite;
    }

    private <V> void put(java.util.NavigableMap<byte[], V> map, byte[] key, V value) {
        map.put(key, value);
        if (++puts % COMMIT_EVERY == 0) {
            fresh.db.commit();
        }
    }

    /** Removes what was copied of a note that is not kept. */
    private static void drop(Tables to, byte[] document) {
        byte[] next = Arrays.copyOf(document, document.length);
        for (int i = next.length - 1; i >= 0 && ++next[i] == 0; i--) {
            // carry into the byte before
        }
        to.atoms.subMap(document, true, next, false).clear();
        to.runs.subMap(document, true, next, false).clear();
        to.history.subMap(document, true, next, false).clear();
    }

    private static long read(java.util.function.LongSupplier value, long otherwise) {
        try {
            return value.getAsLong();
        } catch (RuntimeException damaged) {
            return otherwise;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.delete(f);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new StoreException("cannot remove " + dir + ": " + e, e);
        }
    }
}
