package dev.weft.client;

import dev.weft.client.files.FileProgress;
import dev.weft.client.files.FileServer;
import dev.weft.client.files.FileSync;
import dev.weft.client.files.FileSyncListener;
import dev.weft.vault.DeviceState;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * Runs the vault's file rounds (docs/files.md) beside the notes' sync, on a thread of its own so a
 * big file never holds up a note: one round at a time, and one more queued if news came during it
 * (a global sync that became current, the server's {@code 42}).
 */
final class FilesRunner implements AutoCloseable {
    private final Vault vault;
    private final SyncListener listener;
    /** How often a kept connection looks for files changed here (a scan reads sizes and times only). */
    static final long POLL_SECONDS = 30;
    private final java.util.concurrent.ScheduledExecutorService thread;
    private java.util.concurrent.ScheduledFuture<?> poll;
    private FileSync sync;
    /** The server and token {@link #sync} is for: another pairing makes another. */
    private java.util.List<Object> syncFor;
    private boolean running;
    private boolean again;

    FilesRunner(Vault vault, SyncListener listener) {
        this.vault = vault;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-files " + vault.folder().getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /** The vault's file sync with its server as paired now. */
    synchronized FileSync sync() {
        DeviceState device = vault.device();
        ServerAddress server = ServerAddress.of(device);
        java.util.List<Object> key = java.util.Arrays.asList(server, device.deviceToken());
        if (sync == null || !key.equals(syncFor)) {
            sync = new FileSync(vault.folder(), new FileServer(http(server), server.uri("http", "/"), device.deviceToken()));
            syncFor = key;
        }
        return sync;
    }

    /** While {@code on}, a round runs every {@value #POLL_SECONDS} s besides those news start. */
    synchronized void poll(boolean on) {
        if (on && poll == null && !thread.isShutdown()) {
            poll = thread.scheduleWithFixedDelay(this::trigger, POLL_SECONDS, POLL_SECONDS,
                    java.util.concurrent.TimeUnit.SECONDS);
        } else if (!on && poll != null) {
            poll.cancel(false);
            poll = null;
        }
    }

    /**
     * HTTP/1.1 with the pinned certificate: the chunks under way at once go on connections of their
     * own (docs/benchmarks.md, "First sync of files").
     */
    private static java.net.http.HttpClient http(ServerAddress server) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(HttpClients.CONNECT_TIMEOUT);
        javax.net.ssl.SSLContext tls = HttpClients.tls(server);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    /** Runs a round soon: now if none runs, else once more after the one that does. */
    synchronized void trigger() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        thread.execute(this::run);
    }

    private void run() {
        while (true) {
            synchronized (this) {
                again = false;
            }
            try {
                FileSync.Result result = sync().round(false, new FileSyncListener() {
                    @Override
                    public void progress(FileProgress progress) {
                        listener.filesProgress(progress);
                    }
                });
                result.problems().forEach(listener::problem);
            } catch (IOException | RuntimeException e) {
                listener.problem("files: " + e.getMessage());
            }
            synchronized (this) {
                if (!again || thread.isShutdown()) {
                    running = false;
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
