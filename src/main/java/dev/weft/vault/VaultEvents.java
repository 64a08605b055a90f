package dev.weft.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells a vault's listeners what happened, on one thread of its own, in order, so that no listener
 * runs under a lock of the vault or a replica. Problems found while the vault opened, before anyone
 * could listen, are told to each listener as it is added.
 */
final class VaultEvents {
    private static final System.Logger LOG = System.getLogger(VaultEvents.class.getName());

    private final List<VaultListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "weft-vault-events");
        t.setDaemon(true);
        return t;
    });
    private final List<String> openingProblems = new ArrayList<>();
    private boolean opened;

    void add(VaultListener listener) {
        listeners.add(listener);
        List<String> found;
        synchronized (openingProblems) {
            found = List.copyOf(openingProblems);
        }
        run(() -> found.forEach(listener::problem));
    }

    void remove(VaultListener listener) {
        listeners.remove(listener);
    }

    /** From now on problems go to the listeners only. */
    void opened() {
        synchronized (openingProblems) {
            opened = true;
        }
    }

    void problem(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        synchronized (openingProblems) {
            if (!opened) {
                openingProblems.add(message);
            }
        }
        fire(l -> l.problem(message));
    }

    void fire(Consumer<VaultListener> event) {
        if (listeners.isEmpty()) {
            return;
        }
        run(() -> {
            for (VaultListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a vault listener failed", e);
                }
            }
        });
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Tells what is queued still, then stops; {@code now}: drops it (a kill). */
    void close(boolean now) {
        if (now) {
            thread.shutdownNow();
            return;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
