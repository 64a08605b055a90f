package dev.weft.ui;

import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The settings in force, and their file: every change is written in the background, newest last,
 * on a thread of its own (never the event thread). A write that fails is reported once to stderr;
 * the app keeps its settings in memory.
 */
final class SettingsKeeper {
    private final SettingsFile file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weft-settings");
        t.setDaemon(true);
        return t;
    });
    private volatile Settings current;

    SettingsKeeper(SettingsFile file, Settings initial) {
        this.file = file;
        this.current = initial;
    }

    Settings current() {
        return current;
    }

    synchronized void update(UnaryOperator<Settings> change) {
        Settings changed = change.apply(current);
        current = changed;
        writer.execute(() -> {
            try {
                file.save(changed);
            } catch (IOException e) {
                System.err.println("weft: the settings could not be saved to " + file.path() + ": " + e.getMessage());
            }
        });
    }

    /** Waits for the last write (on exit). */
    void flush() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
