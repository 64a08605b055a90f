package dev.weft.app;

import dev.weft.store.StoreException;
import dev.weft.store.StoreRepair;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code weft repair-store}: rebuilds the store of a stopped server from what still reads
 * (docs/store.md, "Damage and repair") and prints what it kept and lost; exit 1 if it could not.
 */
final class RepairStoreCommand {
    private final PrintStream out;
    private final PrintStream err;

    RepairStoreCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Path data) {
        try {
            StoreRepair.Report report = StoreRepair.rebuild(data);
            out.println("rebuilt the store in " + data);
            report.lines().forEach(out::println);
            return Launcher.OK;
        } catch (StoreException e) {
            err.println("weft repair-store: " + e.getMessage());
            return Launcher.FAILED;
        }
    }
}
