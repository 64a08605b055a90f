package dev.weft.store;

import java.io.File;
import java.nio.file.Path;
import java.util.SortedMap;
import org.mapdb.volume.ByteArrayVol;
import org.mapdb.volume.RandomAccessFileVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * Makes MapDB's volumes: the main file as an {@link AtomicVolume} over a {@code RandomAccessFile}
 * with its redo log beside it; the write-ahead log, which is only scratch space for the open
 * transaction (see {@link ScratchVolume}), in memory for its first {@value #WAL_FILES_IN_MEMORY}
 * files of 16 MiB and in {@code weft.db.wal.N} files beyond, so a large transaction costs no
 * system calls until it is very large, and never more than 64 MiB of heap.
 *
 * <p>{@code RandomAccessFile} rather than memory-mapped files: a mapped file that another program
 * truncates kills the JVM with SIGBUS instead of raising an error, Java 17 cannot unmap a file
 * without {@code sun.misc.Unsafe} (so a closed store stays mapped, and on Windows cannot be moved
 * or deleted), and RandomAccessFile reads are not interruptible, where a FileChannel closes itself
 * when the reading thread is interrupted. The store's hot reads are a few B-tree descents.
 */
final class StoreVolumes extends VolumeFactory {
    static final int WAL_FILES_IN_MEMORY = 4;

    private final Path main;
    private final Path redo;
    private final SortedMap<Long, byte[]> unwritten;
    private final Layout layout;
    private Volume mainVolume;

    /** How MapDB's pages lie in the main file. */
    enum Layout {
        /** Checksummed pages ({@link PageSums}). */
        SUMMED,
        /** A new, empty file, to be checksummed. */
        NEW_SUMMED,
        /** MapDB's pages as they are: a store written before checksums, opened only to convert it. */
        PLAIN
    }

    /** {@code unwritten}: pages of a whole redo log not yet written to the file (see {@link AtomicVolume}). */
    StoreVolumes(Path main, Path redo, SortedMap<Long, byte[]> unwritten, Layout layout) {
        this.main = main;
        this.redo = redo;
        this.unwritten = unwritten;
        this.layout = layout;
    }

    @Override
    public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
            boolean fixedSize) {
        if (!Path.of(file).equals(main)) {
            int number = Integer.parseInt(file.substring(file.lastIndexOf('.') + 1));
            if (number < WAL_FILES_IN_MEMORY) {
                return new ByteArrayVol(sliceShift, initSize);
            }
            OwnerOnly.prepareUnchecked(Path.of(file));
            return new ScratchVolume(new RandomAccessFileVol(new File(file), false, fileLockWait, initSize));
        }
        OwnerOnly.prepareUnchecked(main);
        AtomicVolume atomic = new AtomicVolume(new RandomAccessFileVol(new File(file), false, fileLockWait, initSize),
                RedoLog.open(redo), unwritten);
        mainVolume = switch (layout) {
            case SUMMED -> ChecksummedVolume.open(atomic, file);
            case NEW_SUMMED -> ChecksummedVolume.create(atomic, file);
            case PLAIN -> atomic;
        };
        return mainVolume;
    }

    /** Closes the main file: for a store that failed to open and so cannot close itself. */
    void closeMain() {
        if (mainVolume != null) {
            mainVolume.close();
        }
    }

    @Override
    public boolean exists(String file) {
        return file != null && new File(file).exists();
    }

    @Override
    public boolean handlesReadonly() {
        return false;
    }
}
