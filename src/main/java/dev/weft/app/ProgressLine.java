package dev.weft.app;

import dev.weft.client.SyncListener;
import dev.weft.client.WireStats;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one line of {@code weft sync} that a terminal sees update while notes sync: notes done of
 * total, bytes moved, rate. Only on a terminal ({@code System.console() != null}): a script's
 * standard error stays quiet. The line is also drawn again twice a second, as a big note moves many
 * bytes between two counts and only the bytes tell it moves.
 */
final class ProgressLine implements SyncListener {
    private final PrintStream err;
    private final WireStats wire;
    private final long startNanos;
    private int shown; // the length of the line on screen, so a shorter one overwrites it whole
    private int done;
    private int total;
    private ScheduledExecutorService ticker;

    ProgressLine(PrintStream err, WireStats wire, long startNanos) {
        this.err = err;
        this.wire = wire;
        this.startNanos = startNanos;
    }

    /** Whether this program writes to a terminal, where an updating line belongs. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /** Draws the line again twice a second until {@link #end}. */
    synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-sync-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void progress(int done, int total) {
        this.done = done;
        this.total = total;
        draw();
    }

    private synchronized void draw() {
        if (ticker != null && ticker.isShutdown()) {
            return;
        }
        String line = text(done, total, wire.wireBytesSent() + wire.wireBytesReceived(), System.nanoTime() - startNanos);
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    /** Clears the line, so what follows starts on a clean one. */
    synchronized void end() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** {@code syncing: 120 of 2000 notes, 1.5 MB, 300.0 kB/s}; without the notes while none are counted. */
    static String text(int done, int total, long bytes, long nanos) {
        long rate = nanos <= 0 ? 0 : (long) (bytes * 1e9 / nanos);
        return "syncing: " + (total == 0 ? "" : done + " of " + total + " notes, ") + size(bytes) + ", " + size(rate) + "/s";
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
