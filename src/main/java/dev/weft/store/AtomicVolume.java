package dev.weft.store;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/**
 * The main file's volume, written all or nothing: writes between two syncs are held in memory as
 * page images and reach the file only on {@link #sync()}, through the {@link RedoLog} first.
 *
 * <p>MapDB's StoreWAL writes the main file only while it commits and ends each commit with one
 * sync, so a commit becomes one redo write: a process killed in the middle of copying pages leaves
 * a redo log that {@link RedoLog#recover} finishes when the store opens next. Reads see the held
 * pages. Calls come under StoreWAL's own locks; the methods are synchronized besides.
 *
 * <p>Reads are served from page images: the held ones, else up to {@value #CACHED_PAGES} pages of
 * the file as last synced (least recently used dropped first), else the page is read whole from
 * the file and kept. This volume is the only writer of the file, so the images stay true: a sync
 * puts the pages it wrote in their place, a truncate drops them all. Without it every B-tree node
 * read cost a seek and a read system call, and MapDB reads packed and six-byte longs one byte at a
 * time through {@link #getByte}: under load the store's writer spent most of its time in them
 * (docs/benchmarks.md, "Server").
 */
final class AtomicVolume extends ForwardingVolume {
    static final int PAGE = 4096;
    /** Pages kept for reads: 32 MiB of heap at most. */
    static final int CACHED_PAGES = 8192;

    private final RedoLog redo;
    /** The end MapDB has reserved ({@link #ensureAvailable}); the file may end before it. */
    private long reserved;
    /** Checks each page loaded from the file; set once, before the first read. */
    private PageCheck check = (index, image) -> {
    };
    /**
     * Pages of a whole redo log that a full disk kept from the file when the store opened: read
     * from here, and written to the file (the log still holds them) before the next commit's log
     * replaces that log.
     */
    private final SortedMap<Long, byte[]> unwritten;
    private final TreeMap<Long, byte[]> held = new TreeMap<>();
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_PAGES;
        }
    };

    /** Checks a page read from the file before anything sees it: throws if it is damaged. */
    @FunctionalInterface
    interface PageCheck {
        void check(long index, byte[] image);
    }

    AtomicVolume(Volume file, RedoLog redo, SortedMap<Long, byte[]> unwritten) {
        super(file);
        this.redo = redo;
        this.unwritten = new TreeMap<>(unwritten);
    }

    /** Sets the check of pages loaded from the file ({@link ChecksummedVolume}). */
    synchronized void checkWith(PageCheck check) {
        this.check = check;
    }

    @Override
    public synchronized long length() {
        long written = Math.max(inner.length(), reserved);
        return unwritten.isEmpty() ? written : Math.max(written, (unwritten.lastKey() + 1) * PAGE);
    }

    /**
     * Notes how far MapDB may now write, without growing the file: the file grows as pages are
     * written, and reads past its end see zeros. MapDB reserves its space a 1 MiB page at a time
     * (its first page, header and index, and each data page), so a file grown to what it reserves
     * carries up to 1 MiB of zeros at its end; this one ends at the last page written
     * (docs/store.md, "Size").
     */
    @Override
    public synchronized void ensureAvailable(long offset) {
        reserved = Math.max(reserved, offset);
    }

    @Override
    public synchronized void truncate(long size) {
        if (!held.isEmpty() || !unwritten.isEmpty()) {
            throw new IllegalStateException("truncate with unsynced writes");
        }
        if (size < inner.length()) {
            inner.truncate(size);
        }
        reserved = size;
        cache.clear();
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        write(offset, ByteBuffer.allocate(8).putLong(value).array(), 0, 8);
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        write(offset, ByteBuffer.allocate(4).putInt(value).array(), 0, 4);
    }

    @Override
    public synchronized void putByte(long offset, byte value) {
        write(offset, new byte[] {value}, 0, 1);
    }

    @Override
    public synchronized void putData(long offset, byte[] src, int srcPos, int srcSize) {
        write(offset, src, srcPos, srcSize);
    }

    @Override
    public synchronized void putData(long offset, ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        write(offset, bytes, 0, bytes.length);
    }

    @Override
    public synchronized void clear(long startOffset, long endOffset) {
        write(startOffset, new byte[Math.toIntExact(endOffset - startOffset)], 0,
                Math.toIntExact(endOffset - startOffset));
    }

    @Override
    public synchronized long getLong(long offset) {
        return ByteBuffer.wrap(read(offset, 8)).getLong();
    }

    @Override
    public synchronized int getInt(long offset) {
        return ByteBuffer.wrap(read(offset, 4)).getInt();
    }

    @Override
    public synchronized byte getByte(long offset) {
        return image(offset / PAGE)[(int) (offset % PAGE)];
    }

    @Override
    public synchronized DataInput2 getDataInput(long offset, int size) {
        return new DataInput2.ByteArray(read(offset, size));
    }

    @Override
    public synchronized void getData(long offset, byte[] bytes, int bytesPos, int size) {
        read(offset, bytes, bytesPos, size);
    }

    /** Logs the held pages, writes them to the file and syncs it: the commit is then whole on disk. */
    @Override
    public synchronized void sync() {
        writeUnwritten();
        if (held.isEmpty()) {
            inner.sync();
            return;
        }
        redo.write(held);
        for (Map.Entry<Long, byte[]> page : held.entrySet()) {
            inner.putData(page.getKey() * PAGE, page.getValue(), 0, PAGE);
        }
        inner.sync();
        cache.putAll(held); // the file now holds these images; nothing writes them again
        held.clear();
        redo.clear();
    }

    /** Finishes the redo log's commit that a full disk kept from the file: the log still holds it meanwhile. */
    private void writeUnwritten() {
        if (unwritten.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, byte[]> page : unwritten.entrySet()) {
            inner.putData(page.getKey() * PAGE, page.getValue(), 0, PAGE);
        }
        inner.sync();
        cache.putAll(unwritten);
        unwritten.clear();
    }

    /** Drops writes that were never synced (a commit that failed half way) and closes the file. */
    @Override
    public synchronized void close() {
        held.clear();
        cache.clear();
        try {
            super.close();
        } finally {
            redo.close();
        }
    }

    private void write(long offset, byte[] src, int srcPos, int size) {
        long at = offset;
        int from = srcPos;
        int left = size;
        while (left > 0) {
            int inPage = (int) (at % PAGE);
            int n = Math.min(left, PAGE - inPage);
            System.arraycopy(src, from, page(at / PAGE), inPage, n);
            at += n;
            from += n;
            left -= n;
        }
    }

    private byte[] read(long offset, int size) {
        byte[] out = new byte[size];
        read(offset, out, 0, size);
        return out;
    }

    private void read(long offset, byte[] out, int outPos, int size) {
        long at = offset;
        int to = 0;
        while (to < size) {
            int inPage = (int) (at % PAGE);
            int n = Math.min(size - to, PAGE - inPage);
            System.arraycopy(image(at / PAGE), inPage, out, outPos + to, n);
            at += n;
            to += n;
        }
    }

    /**
     * The page as reads see it: held (written since the last sync), else unwritten, else cached,
     * else read from the file.
     */
    private byte[] image(long index) {
        byte[] image = held.get(index);
        if (image == null) {
            image = unwritten.get(index);
        }
        if (image != null) {
            return image;
        }
        image = cache.get(index);
        if (image == null) {
            image = load(index);
            cache.put(index, image);
        }
        return image;
    }

    /** The page from the file, zeros past its end, once checked. */
    private byte[] load(long index) {
        byte[] image = new byte[PAGE];
        long start = index * PAGE;
        long onDisk = Math.min(PAGE, inner.length() - start);
        if (onDisk > 0) {
            inner.getData(start, image, 0, (int) onDisk);
        }
        check.check(index, image);
        return image;
    }

    private byte[] page(long index) {
        return held.computeIfAbsent(index, i -> {
            byte[] cached = unwritten.containsKey(i) ? unwritten.get(i) : cache.get(i);
            return cached != null ? cached.clone() : load(i);
        });
    }
}
