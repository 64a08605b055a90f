package dev.weft.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.mapdb.DataInput2;

/**
 * MapDB's view of a checksummed file (layout in {@link PageSums}): translates MapDB's offsets to
 * the file's, notes the pages written, and on {@link #sync()} puts their new entries in the sum
 * pages before the {@link AtomicVolume} below logs and writes them all, so a page and its entry
 * reach the file in the same commit. Every page the volume below loads from the file is checked
 * against its entry ({@link AtomicVolume.PageCheck}): a page that does not match throws
 * {@link StoreDamagedException}, and is neither cached nor written over.
 *
 * <p>Why pages and not records: every byte MapDB reads comes through here, so a flip anywhere
 * (B-tree nodes, MapDB's own index and free lists, the header) is caught, without knowing MapDB's
 * record format; the cost is one CRC-32C of 4 KiB per page written in a commit and per page read
 * from the file (not from the page cache), and 4 bytes per page on disk.
 */
final class ChecksummedVolume extends ForwardingVolume {
    private static final int PAGE = PageSums.PAGE;

    private final AtomicVolume file;
    private final String name;
    /** Logical pages written since the last sync. */
    private final Set<Long> dirty = new HashSet<>();

    private ChecksummedVolume(AtomicVolume file, String name) {
        super(file);
        this.file = file;
        this.name = name;
        file.checkWith(this::check);
    }

    /** Over an existing checksummed file. */
    static ChecksummedVolume open(AtomicVolume file, String name) {
        return new ChecksummedVolume(file, name);
    }

    /** Over a new, empty file: writes the header, which reaches the file with the first commit. */
    static ChecksummedVolume create(AtomicVolume file, String name) {
        file.ensureAvailable(PAGE);
        file.putData(0, PageSums.header(), 0, PAGE); // before the check: the empty file's page 0 is no header
        return new ChecksummedVolume(file, name);
    }

    private void check(long physical, byte[] image) {
        if (physical == 0) {
            if (!Arrays.equals(image, PageSums.header())) {
                throw new StoreDamagedException(name + ": its header page is damaged");
            }
            return;
        }
        if (PageSums.isSumPage(physical)) {
            return; // its entries are checked with the pages they cover
        }
        long logical = PageSums.logicalOf(physical);
        int entry = file.getInt(PageSums.entryOffset(logical));
        if (!PageSums.matches(logical, image, entry)) {
            throw new StoreDamagedException(name + ": page " + logical + " (bytes " + physical * PAGE + "–"
                    + ((physical + 1) * PAGE - 1) + ") is damaged: it does not match its checksum");
        }
    }

    @Override
    public synchronized void sync() {
        byte[] image = new byte[PAGE];
        for (long page : dirty) {
            file.getData(PageSums.dataPage(page) * PAGE, image, 0, PAGE);
            file.putInt(PageSums.entryOffset(page), PageSums.entry(page, image));
        }
        dirty.clear();
        file.sync();
    }

    @Override
    public synchronized long length() {
        return PageSums.logicalEnd(file.length());
    }

    /** New pages are zeros: their entries are set to "never written", whatever a truncate left there. */
    @Override
    public synchronized void ensureAvailable(long offset) {
        long before = length();
        file.ensureAvailable(PageSums.physicalEnd(offset));
        for (long page = (before + PAGE - 1) / PAGE; page * PAGE < offset; page++) {
            if (file.getInt(PageSums.entryOffset(page)) != 0) {
                file.putInt(PageSums.entryOffset(page), 0);
            }
        }
    }

    @Override
    public synchronized void truncate(long size) {
        file.truncate(PageSums.physicalEnd(size));
        dirty.removeIf(page -> page * PAGE >= size);
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        if (inOnePage(offset, 8)) {
            dirty.add(offset / PAGE);
            file.putLong(PageSums.physical(offset), value);
        } else {
            write(offset, ByteBuffer.allocate(8).putLong(value).array(), 0, 8);
        }
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        if (inOnePage(offset, 4)) {
            dirty.add(offset / PAGE);
            file.putInt(PageSums.physical(offset), value);
        } else {
            write(offset, ByteBuffer.allocate(4).putInt(value).array(), 0, 4);
        }
    }

    @Override
    public synchronized void putByte(long offset, byte value) {
        dirty.add(offset / PAGE);
        file.putByte(PageSums.physical(offset), value);
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
        int size = Math.toIntExact(endOffset - startOffset);
        write(startOffset, new byte[size], 0, size);
    }

    @Override
    public synchronized long getLong(long offset) {
        return inOnePage(offset, 8) ? file.getLong(PageSums.physical(offset)) : ByteBuffer.wrap(read(offset, 8)).getLong();
    }

    @Override
    public synchronized int getInt(long offset) {
        return inOnePage(offset, 4) ? file.getInt(PageSums.physical(offset)) : ByteBuffer.wrap(read(offset, 4)).getInt();
    }

    @Override
    public synchronized byte getByte(long offset) {
        return file.getByte(PageSums.physical(offset));
    }

    @Override
    public synchronized DataInput2 getDataInput(long offset, int size) {
        return inOnePage(offset, size) ? file.getDataInput(PageSums.physical(offset), size)
                : new DataInput2.ByteArray(read(offset, size));
    }

    @Override
    public synchronized void getData(long offset, byte[] bytes, int bytesPos, int size) {
        long at = offset;
        int done = 0;
        while (done < size) {
            int n = Math.min(size - done, PAGE - (int) (at % PAGE));
            file.getData(PageSums.physical(at), bytes, bytesPos + done, n);
            at += n;
            done += n;
        }
    }

    private static boolean inOnePage(long offset, int size) {
        return offset % PAGE + size <= PAGE;
    }

    private void write(long offset, byte[] src, int srcPos, int size) {
        long at = offset;
        int done = 0;
        while (done < size) {
            int n = Math.min(size - done, PAGE - (int) (at % PAGE));
            dirty.add(at / PAGE);
            file.putData(PageSums.physical(at), src, srcPos + done, n);
            at += n;
            done += n;
        }
    }

    private byte[] read(long offset, int size) {
        byte[] out = new byte[size];
        getData(offset, out, 0, size);
        return out;
    }
}
