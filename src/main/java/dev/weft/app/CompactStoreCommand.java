package dev.weft.app;

import dev.weft.store.StoreCompaction;
import dev.weft.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code weft compact-store}: rewrites the stopped server's store with only what it holds now
 * (docs/store.md, "Purge"); exit 1 if it could not.
 */
final class CompactStoreCommand {
    private final PrintStream out;
    private final PrintStream err;

    CompactStoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Path data) {
        try {
            long[] sizes = StoreCompaction.compact(data);
            out.println("compacted the store in " + data + ": " + sizes[0] + " bytes before, " + sizes[1] + " after");
            return Launcher.OK;
        } catch (StoreException e) {
            err.println("weft compact-store: " + e.getMessage());
            return Launcher.FAILED;
        }
    }
}
