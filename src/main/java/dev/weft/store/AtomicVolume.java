package dev.weft.store;

import java.nio.ByteBuffer;
import java.util.Map;
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
 */
final class AtomicVolume extends ForwardingVolume {
    static final int PAGE = 4096;

    private final RedoLog redo;
    private final TreeMap<Long, byte[]> held = new TreeMap<>();

    AtomicVolume(Volume file, RedoLog redo) {
        super(file);
        this.redo = redo;
    }

    @Override
    public synchronized void truncate(long size) {
        if (!held.isEmpty()) {
            throw new IllegalStateException("truncate with unsynced writes");
        }
        inner.truncate(size);
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
        return held.isEmpty() ? inner.getLong(offset) : ByteBuffer.wrap(read(offset, 8)).getLong();
    }

    @Override
    public synchronized int getInt(long offset) {
        return held.isEmpty() ? inner.getInt(offset) : ByteBuffer.wrap(read(offset, 4)).getInt();
    }

    @Override
    public synchronized byte getByte(long offset) {
        return held.isEmpty() ? inner.getByte(offset) : read(offset, 1)[0];
    }

    @Override
    public synchronized DataInput2 getDataInput(long offset, int size) {
        return held.isEmpty() ? inner.getDataInput(offset, size) : new DataInput2.ByteArray(read(offset, size));
    }

    @Override
    public synchronized void getData(long offset, byte[] bytes, int bytesPos, int size) {
        if (held.isEmpty()) {
            inner.getData(offset, bytes, bytesPos, size);
        } else {
            System.arraycopy(read(offset, size), 0, bytes, bytesPos, size);
        }
    }

    /** Logs the held pages, writes them to the file and syncs it: the commit is then whole on disk. */
    @Override
    public synchronized void sync() {
        if (held.isEmpty()) {
            inner.sync();
            return;
        }
        redo.write(held);
        for (Map.Entry<Long, byte[]> page : held.entrySet()) {
            inner.putData(page.getKey() * PAGE, page.getValue(), 0, PAGE);
        }
        inner.sync();
        held.clear();
        redo.clear();
    }

    /** Drops writes that were never synced (a commit that failed half way) and closes the file. */
    @Override
    public synchronized void close() {
        held.clear();
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
        long at = offset;
        int to = 0;
        while (to < size) {
            int inPage = (int) (at % PAGE);
            int n = Math.min(size - to, PAGE - inPage);
            byte[] image = held.get(at / PAGE);
            if (image != null) {
                System.arraycopy(image, inPage, out, to, n);
            } else {
                inner.getData(at, out, to, n);
            }
            at += n;
            to += n;
        }
        return out;
    }

    private byte[] page(long index) {
        return held.computeIfAbsent(index, i -> {
            byte[] image = new byte[PAGE];
            long start = i * PAGE;
            long onDisk = Math.min(PAGE, inner.length() - start);
            if (onDisk > 0) {
                inner.getData(start, image, 0, (int) onDisk);
            }
            return image;
        });
    }
}
