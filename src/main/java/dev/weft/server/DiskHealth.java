package dev.weft.server;

import dev.weft.store.DiskFullException;
import dev.weft.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logs when the disk under the data dir fills up and when writes succeed again: once per change,
 * not once per refused write (devices hear of it in each answer, docs/protocol.md §4).
 */
final class DiskHealth implements Store.Health {
    /** Less free space than this at start is reported as a full disk: a commit needs a few pages and its log. */
    static final long FULL_BELOW_BYTES = 1024 * 1024;

    private final Path dataDir;
    private final ServerLog log;

    DiskHealth(Path dataDir, ServerLog log) {
        this.dataDir = dataDir;
        this.log = log;
    }

    @Override
    public void diskFull(boolean full) {
        if (full) {
            log.error(DiskFullException.MESSAGE + " (" + dataDir + "): writes are refused until space is freed;"
                    + " reads go on", null);
        } else {
            log.info("the server's disk has space again: writes go on");
        }
    }

    /** At start: says so if the disk is (nearly) full, since no write has failed yet to tell. */
    void checkAtStart() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            if (free < FULL_BELOW_BYTES) {
                log.error(DiskFullException.MESSAGE + " (" + free / 1024 + " KiB free in " + dataDir
                        + "): writes will be refused until space is freed; reads go on", null);
            }
        } catch (IOException e) {
            // the file system does not say: the first write that fails will
        }
    }
}
