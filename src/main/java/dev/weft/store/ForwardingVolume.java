package dev.weft.store;

import java.io.File;
import java.nio.ByteBuffer;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/** A MapDB volume that hands every call to another one; subclasses change what they must. */
abstract class ForwardingVolume extends Volume {
    protected final Volume inner;

    ForwardingVolume(Volume inner) {
        this.inner = inner;
    }

    @Override
    public void ensureAvailable(long offset) {
        inner.ensureAvailable(offset);
    }

    @Override
    public void truncate(long size) {
        inner.truncate(size);
    }

    @Override
    public void putLong(long offset, long value) {
        inner.putLong(offset, value);
    }

    @Override
    public void putInt(long offset, int value) {
        inner.putInt(offset, value);
    }

    @Override
    public void putByte(long offset, byte value) {
        inner.putByte(offset, value);
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        inner.putData(offset, src, srcPos, srcSize);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        inner.putData(offset, buf);
    }

    @Override
    public long getLong(long offset) {
        return inner.getLong(offset);
    }

    @Override
    public int getInt(long offset) {
        return inner.getInt(offset);
    }

    @Override
    public byte getByte(long offset) {
        return inner.getByte(offset);
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        return inner.getDataInput(offset, size);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        inner.getData(offset, bytes, bytesPos, size);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        inner.clear(startOffset, endOffset);
    }

    @Override
    public void sync() {
        inner.sync();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            inner.close();
        }
    }

    @Override
    public int sliceSize() {
        return inner.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return inner.isSliced();
    }

    @Override
    public long length() {
        return inner.length();
    }

    @Override
    public boolean isReadOnly() {
        return inner.isReadOnly();
    }

    @Override
    public File getFile() {
        return inner.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return inner.getFileLocked();
    }
}
