package dev.weft.app;

import dev.weft.client.SyncClient;
import dev.weft.client.files.FileProgress;
import dev.weft.client.files.FileSync;
import dev.weft.client.files.FileSyncListener;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The files' round of a one-shot {@code weft sync} (docs/files.md), once the notes are in sync, on
 * a server that syncs files: a progress line on a terminal, then one line of what moved; problems
 * on standard error.
 */
final class FilesStep {
    private static final long REDRAW_NANOS = 500_000_000L;

    private FilesStep() {
    }

    /** {@link Launcher#OK}, {@link Launcher#HELD} if deletes were held back, {@link Launcher#FAILED} with the reason said. */
    static int run(SyncClient client, boolean allowDeletes, PrintStream out, PrintStream err) {
        if (!client.speaksFiles()) {
            return Launcher.OK;
        }
        boolean terminal = ProgressLine.onTerminal();
        int[] shown = {0};
        long[] last = {0};
        FileSyncListener listener = new FileSyncListener() {
            @Override
            public void progress(FileProgress p) {
                long now = System.nanoTime();
                if (terminal && p.files() > 0 && now - last[0] > REDRAW_NANOS) {
                    last[0] = now;
                    String line = "syncing " + p.describe();
                    err.print("\r" + line + " ".repeat(Math.max(0, shown[0] - line.length())));
                    err.flush();
                    shown[0] = line.length();
                }
            }
        };
        FileSync.Result result;
        long start = System.nanoTime();
        try {
            result = client.files().round(allowDeletes, listener);
        } catch (IOException e) {
            clear(err, shown[0]);
            err.println("weft: files: " + e.getMessage());
            return Launcher.FAILED;
        }
        clear(err, shown[0]);
        result.problems().forEach(p -> err.println("weft: " + p));
        out.println(result.describe() + ", " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return result.heldDeletes() > 0 ? Launcher.HELD : Launcher.OK;
    }

    private static void clear(PrintStream err, int shown) {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
        }
    }
}
