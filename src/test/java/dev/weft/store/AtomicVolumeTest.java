package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.volume.RandomAccessFileVol;
import org.mapdb.volume.Volume;

/** Writes reach the main file only whole: through the redo log, which recovery finishes or drops. */
class AtomicVolumeTest {
    @TempDir
    Path dir;

    private Path main() {
        return dir.resolve("main");
    }

    private Path redo() {
        return dir.resolve("main.redo");
    }

    private AtomicVolume open() {
        return new AtomicVolume(new RandomAccessFileVol(main().toFile(), false, 0, 0), RedoLog.open(redo()), new java.util.TreeMap<>());
    }

    @Test
    void writesAreReadBackBeforeTheSyncAndReachTheFileOnlyWithIt() throws IOException {
        AtomicVolume volume = open();
        volume.ensureAvailable(3 * AtomicVolume.PAGE);
        byte[] span = new byte[AtomicVolume.PAGE + 10];
        Arrays.fill(span, (byte) 7);
        volume.putData(AtomicVolume.PAGE - 5, span, 0, span.length);
        volume.putLong(16, 0x0102030405060708L);
        assertThat(volume.getLong(16)).isEqualTo(0x0102030405060708L);
        assertThat(volume.getByte(AtomicVolume.PAGE - 5)).isEqualTo((byte) 7);
        assertThat(volume.getInt(2L * AtomicVolume.PAGE + 1)).isEqualTo(0x07070707);
        assertThat(Files.readAllBytes(main())).as("the file grows only as pages are written").isEmpty();
        assertThat(volume.length()).isEqualTo(3 * AtomicVolume.PAGE);
        assertThat(volume.getLong(2L * AtomicVolume.PAGE + 8)).as("zeros past the file's end").isZero();

        volume.sync();
        byte[] file = Files.readAllBytes(main());
        assertThat(file[16]).isEqualTo((byte) 1);
        assertThat(file[AtomicVolume.PAGE - 5]).isEqualTo((byte) 7);
        assertThat(file[2 * AtomicVolume.PAGE + 4]).isEqualTo((byte) 7);
        assertThat(file[2 * AtomicVolume.PAGE + 5]).isEqualTo((byte) 0);
        assertThat(Files.size(redo())).as("emptied after the file is synced").isZero();
        assertThat(file).as("it ends at the last page written").hasSize(3 * AtomicVolume.PAGE);
        volume.close();
    }

    /** MapDB reserves 1 MiB at a time; the file ends at its last page written, and reads past it are zeros. */
    @Test
    void aReservedEndGrowsTheFileOnlyWhereWritten() throws IOException {
        AtomicVolume volume = open();
        volume.ensureAvailable(256 * AtomicVolume.PAGE);
        volume.putLong(8, 5);
        volume.sync();
        assertThat(Files.size(main())).isEqualTo(AtomicVolume.PAGE);
        assertThat(volume.length()).isEqualTo(256 * AtomicVolume.PAGE);
        volume.putLong(100L * AtomicVolume.PAGE, 6);
        volume.sync();
        volume.close();
        assertThat(Files.size(main())).isEqualTo(101 * AtomicVolume.PAGE);
        AtomicVolume again = open();
        assertThat(again.getLong(8)).isEqualTo(5);
        assertThat(again.getLong(200L * AtomicVolume.PAGE)).isZero();
        again.close();
    }

    /**
     * A whole redo log that a full disk kept from the file: its pages are read from memory, and the
     * next sync writes them to the file before its own log replaces the old one (which holds them
     * until then).
     */
    @Test
    void pagesOfAWholeLogNotYetWrittenAreReadAndWrittenBeforeTheNextCommit() throws IOException {
        AtomicVolume first = open();
        first.ensureAvailable(AtomicVolume.PAGE);
        first.putLong(8, 1);
        first.sync();
        first.close();
        byte[] logged = new byte[AtomicVolume.PAGE];
        ByteBuffer.wrap(logged).putLong(8, 2);
        RedoLog log = RedoLog.open(redo());
        log.write(new TreeMap<>(java.util.Map.of(0L, logged, 1L, logged.clone())));
        log.close();
        TreeMap<Long, byte[]> unwritten = RedoLog.wholePages(redo());
        assertThat(unwritten).containsOnlyKeys(0L, 1L);

        AtomicVolume volume = new AtomicVolume(new RandomAccessFileVol(main().toFile(), false, 0, 0),
                RedoLog.open(redo()), unwritten);
        assertThat(volume.getLong(8)).as("read from the log's page").isEqualTo(2);
        assertThat(volume.length()).isEqualTo(2L * AtomicVolume.PAGE);
        assertThat(ByteBuffer.wrap(Files.readAllBytes(main())).getLong(8)).as("the file is not written yet").isEqualTo(1);
        volume.putLong(AtomicVolume.PAGE + 16, 3);
        volume.sync();
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(main()));
        assertThat(file.getLong(8)).isEqualTo(2);
        assertThat(file.getLong(AtomicVolume.PAGE + 8)).isEqualTo(2);
        assertThat(file.getLong(AtomicVolume.PAGE + 16)).isEqualTo(3);
        assertThat(Files.size(redo())).isZero();
        volume.close();
    }

    @Test
    void cachedPagesFollowEveryWriteSyncAndTruncate() throws IOException {
        byte[] start = new byte[3 * AtomicVolume.PAGE];
        Arrays.fill(start, (byte) 1);
        Files.write(main(), start);
        AtomicVolume volume = open();
        assertThat(volume.getLong(AtomicVolume.PAGE + 8)).isEqualTo(0x0101010101010101L);
        assertThat(volume.getByte(3L * AtomicVolume.PAGE + 2)).as("past the end").isZero();

        volume.putLong(AtomicVolume.PAGE + 8, 42);
        volume.putByte(3L * AtomicVolume.PAGE + 2, (byte) 5);
        assertThat(volume.getLong(AtomicVolume.PAGE + 8)).isEqualTo(42);
        volume.sync();
        assertThat(volume.getLong(AtomicVolume.PAGE + 8)).isEqualTo(42);
        assertThat(volume.getByte(3L * AtomicVolume.PAGE + 2)).isEqualTo((byte) 5);
        assertThat(volume.getByte(AtomicVolume.PAGE + 7)).isEqualTo((byte) 1);

        volume.putLong(AtomicVolume.PAGE + 8, 43);
        volume.sync();
        assertThat(volume.getLong(AtomicVolume.PAGE + 8)).as("a cached page written again").isEqualTo(43);
        assertThat(ByteBuffer.wrap(Files.readAllBytes(main())).getLong(AtomicVolume.PAGE + 8)).isEqualTo(43);

        volume.truncate(AtomicVolume.PAGE);
        assertThat(volume.getLong(AtomicVolume.PAGE + 8)).as("cut off").isZero();
        assertThat(volume.getByte(5)).isEqualTo((byte) 1);
        volume.close();
    }

    @Test
    void pagesBeyondTheCacheAreReadAgainFromTheFile() throws IOException {
        int pages = AtomicVolume.CACHED_PAGES + 100;
        AtomicVolume volume = open();
        volume.ensureAvailable((long) pages * AtomicVolume.PAGE);
        for (long p = 0; p < pages; p++) {
            volume.putLong(p * AtomicVolume.PAGE, p + 1);
        }
        volume.sync();
        for (int round = 0; round < 2; round++) {
            for (long p = 0; p < pages; p++) {
                assertThat(volume.getLong(p * AtomicVolume.PAGE)).isEqualTo(p + 1);
            }
        }
        volume.close();
    }

    /** A file that dies, like its process, after a number of page writes. */
    private static final class DyingVolume extends ForwardingVolume {
        private int writesLeft;

        DyingVolume(Volume inner, int writes) {
            super(inner);
            this.writesLeft = writes;
        }

        @Override
        public void putData(long offset, byte[] src, int srcPos, int srcSize) {
            if (writesLeft-- == 0) {
                throw new IllegalStateException("killed");
            }
            super.putData(offset, src, srcPos, srcSize);
        }
    }

    @Test
    void aCommitKilledHalfWayIntoTheFileIsFinishedOnRecovery() throws IOException {
        Files.write(main(), new byte[3 * AtomicVolume.PAGE]);
        RandomAccessFileVol file = new RandomAccessFileVol(main().toFile(), false, 0, 0);
        AtomicVolume volume = new AtomicVolume(new DyingVolume(file, 1), RedoLog.open(redo()), new java.util.TreeMap<>());
        for (int page = 0; page < 3; page++) {
            volume.putLong(page * (long) AtomicVolume.PAGE + 8, 0x1111_0000L + page);
        }
        assertThatThrownBy(volume::sync).hasMessage("killed");
        file.close();
        byte[] torn = Files.readAllBytes(main());
        assertThat(ByteBuffer.wrap(torn).getLong(AtomicVolume.PAGE + 8)).as("only the first page landed").isZero();

        assertThat(RedoLog.recover(redo(), main())).isEqualTo(3);
        ByteBuffer whole = ByteBuffer.wrap(Files.readAllBytes(main()));
        for (int page = 0; page < 3; page++) {
            assertThat(whole.getLong(page * AtomicVolume.PAGE + 8)).isEqualTo(0x1111_0000L + page);
        }
    }

    @Test
    void recoveryFinishesACommitWhoseLogIsWhole() throws IOException {
        Files.write(main(), new byte[2 * AtomicVolume.PAGE]);
        TreeMap<Long, byte[]> pages = new TreeMap<>();
        pages.put(1L, filled((byte) 9));
        try (RedoLog log = RedoLog.open(redo())) {
            log.write(pages);
        }
        assertThat(RedoLog.recover(redo(), main())).isEqualTo(1);
        byte[] file = Files.readAllBytes(main());
        assertThat(Arrays.copyOfRange(file, 0, AtomicVolume.PAGE)).containsOnly(0);
        assertThat(Arrays.copyOfRange(file, AtomicVolume.PAGE, 2 * AtomicVolume.PAGE)).containsOnly(9);
        assertThat(Files.size(redo())).isZero();
        assertThat(RedoLog.recover(redo(), main())).isZero();
    }

    @Test
    void recoveryDropsATornLog() throws IOException {
        Files.write(main(), new byte[2 * AtomicVolume.PAGE]);
        TreeMap<Long, byte[]> pages = new TreeMap<>();
        pages.put(0L, filled((byte) 3));
        pages.put(1L, filled((byte) 4));
        try (RedoLog log = RedoLog.open(redo())) {
            log.write(pages);
        }
        byte[] whole = Files.readAllBytes(redo());
        Files.write(redo(), Arrays.copyOf(whole, whole.length - 100));
        assertThat(RedoLog.recover(redo(), main())).isZero();
        whole[20] ^= 1;
        Files.write(redo(), whole);
        assertThat(RedoLog.recover(redo(), main())).isZero();
        assertThat(Files.readAllBytes(main())).containsOnly(0);
        assertThat(Files.size(redo())).isZero();
    }

    private static byte[] filled(byte b) {
        byte[] page = new byte[AtomicVolume.PAGE];
        Arrays.fill(page, b);
        return page;
    }
}
