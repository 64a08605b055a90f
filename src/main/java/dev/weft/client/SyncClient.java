package dev.weft.client;

import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.StoreHeader;
import dev.weft.vault.DeviceState;
import dev.weft.vault.DiskFull;
import dev.weft.vault.Reasons;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Keeps a vault in sync with its server: one global connection running the procedure of
 * docs/protocol.md §4 (pending work first, synclist, pulls, pushes), reconnecting with capped
 * exponential backoff and jitter whenever it is lost, while the user keeps editing. All protocol
 * work happens on one thread of its own; the vault is thread-safe.
 */
public final class SyncClient implements AutoCloseable {
    /** The longest a connection may take to open, TLS and the WebSocket upgrade included. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(20);
    /** What the user is told when the server refuses writes for lack of space (code 507, or a session's 1013). */
    static final String SERVER_DISK_FULL = "the server's disk is full: your changes stay on this device"
            + " and are sent once it has space";
    /** What the user is told when the disk under the vault is full. */
    static final String VAULT_DISK_FULL = "the disk under the vault is full: nothing more is saved or synced"
            + " until some space is freed";

    private final Vault vault;
    private final SyncOptions options;
    private final MessageCodec codec = new MessageCodec();
    private final ScheduledExecutorService thread;
    private final Backoff backoff;
    private final WireStats wire = new WireStats();
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private final SyncListener fanOut = new FanOut();
    private final Set<UUID> dirty = new LinkedHashSet<>();
    /** Notes whose session was closed, to pull on the global connection; kept while offline (GlobalProcedure#sessionClosed). */
    private final Set<UUID> pullAfterSession = new LinkedHashSet<>();
    private final java.util.Map<UUID, SessionRunner> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Wiring wiring = new Wiring();
    private final StoreRecovery recovery;
    private final FilesRunner files;
    /** The server answered {@code Weft-Files: 1} on the last global connection (docs/protocol.md §11). */
    private volatile boolean speaksFiles;
    private final VaultListener vaultListener = new VaultListener() {
        @Override
        public void pendingWork(UUID id) {
            execute(() -> localWork(id));
        }
    };
    private volatile SyncState state = SyncState.OFFLINE;
    private boolean keepConnected;
    private boolean closed;
    private WireConnection connection;
    private ServerAddress tlsServer;
    private SSLContext tls;
    private boolean connecting;
    private GlobalProcedure procedure;
    /** The vault's replicas held through the burst of work queued on this thread (see {@link #holdForBurst}). */
    private dev.weft.vault.ReplicaHold hold;
    /** An {@link #endBurst} is queued on the sync thread. */
    private boolean holdEndQueued;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> flush;
    /** A session was closed for lack of space on the server (1013), and none has been answered since. */
    private boolean sessionRefusedForSpace;
    /** The next resend of pending work to a server whose disk was full. */
    private ScheduledFuture<?> resend;
    private CompletableFuture<Void> nextCurrent = new CompletableFuture<>();
    private String lastProblem;
    /** A one-shot sync gives up when its first connection fails, and retries only lost ones. */
    private boolean connectedOnce;

    public SyncClient(Vault vault, SyncOptions options) {
        this.vault = vault;
        this.options = options;
        this.backoff = new Backoff(options.retryBase(), options.retryCap(), options.random());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-sync " + vault.folder().getFileName());
            t.setDaemon(true);
            return t;
        });
        vault.addListener(vaultListener);
        recovery = new StoreRecovery(vault, fanOut);
        files = new FilesRunner(vault, fanOut);
        state = vault.device().isPaired() ? SyncState.OFFLINE : SyncState.UNPAIRED;
    }

    /**
     * Pairs the vault with the server of {@code link} as {@code deviceName} and keeps the answer in
     * {@code .weft/}. A vault paired with a server at another address is refused: its notes belong to
     * that server. The same address with another certificate is a server whose data dir was lost: the
     * vault then uploads its notes again (StoreRecovery). Returns the name the server paired the device under:
     * {@code deviceName}, or {@code deviceName (2)}, … when another device has that name.
     */
    public String pair(PairingLink link, String deviceName) throws SyncException, IOException {
        DeviceState before = vault.device();
        if (before.isPaired() && !(before.serverHost().equals(link.host()) && before.serverPort() == link.port())) {
            throw new SyncException("this vault is paired with the server at " + before.serverHost() + ":"
                    + before.serverPort() + "; use another vault folder for another server");
        }
        Pairing.Paired answer = Pairing.pair(link, deviceName);
        DeviceState paired = answer.device();
        if (vault.awaitingIdentity()) {
            vault.adoptIdentity(paired.withLastSyncTime(before.lastSyncTime()));
        } else {
            vault.updateDevice(before.isPaired() ? paired.withLastSyncTime(before.lastSyncTime()) : paired);
        }
        setState(SyncState.OFFLINE);
        return answer.deviceName();
    }

    /** The vault's files as they sync with the server (docs/files.md); the vault must be paired. */
    public dev.weft.client.files.FileSync files() {
        return files.sync();
    }

    /** Whether the server said on the last connection that it syncs files (docs/protocol.md §11). */
    public boolean speaksFiles() {
        return speaksFiles;
    }

    /** The history of this vault's notes as its server keeps it (docs/protocol.md §10), offline what this device fetched. */
    public NoteHistory history() {
        return new DeviceHistory(vault);
    }

    public void addListener(SyncListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SyncListener listener) {
        listeners.remove(listener);
    }

    public SyncState state() {
        return state;
    }

    /** Bytes this client sent and received so far. */
    public WireStats wireStats() {
        return wire;
    }

    /** Connects and stays connected (reconnecting after every loss) until {@link #close()}. */
    public void start() {
        execute(() -> {
            keepConnected = true;
            if (connection == null && retry == null && !connecting) {
                connect();
            }
        });
    }

    /**
     * Syncs until the vault holds everything the server had when this was called and the server
     * everything this vault has (on a live connection: one more synclist round trip), retrying lost
     * connections, then returns (the connection stays up if {@link #start()}
     * was called, else it closes).
     *
     * @throws SyncException if that did not happen within {@code timeout}, with the last problem met
     */
    public void syncOnce(Duration timeout) throws SyncException, InterruptedException {
        if (!vault.device().isPaired()) {
            throw new SyncException("this vault is not paired with a server; pair it with a link from"
                    + " 'weft pair-code' (weft sync --pair LINK)");
        }
        CompletableFuture<Void> current = submit(() -> {
            if (procedure != null) {
                // connected already: one more synclist, so the answer covers what others did until now
                connectedOnce = true;
                procedure.refresh();
                checkCurrent();
                return nextCurrent;
            }
            connectedOnce = false;
            CompletableFuture<Void> next = nextCurrent; // a refusal within connect() settles it and makes another
            if (connection == null && retry == null && !connecting) {
                connect();
            }
            return next;
        }).thenCompose(f -> f);
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String status = submit(this::status).join();
            String problem = submit(() -> lastProblem).join();
            throw new SyncException((problem != null ? problem : "the vault was not in sync after " + timeout.toSeconds()
                    + " s") + " [" + status + "]");
        } catch (ExecutionException e) {
            throw new SyncException(e.getCause().getMessage(), e.getCause());
        } finally {
            execute(() -> {
                if (!keepConnected) {
                    disconnect();
                }
            });
        }
    }

    /**
     * Opens the live session of a note open in an editor; while it is live the note's edits go
     * through it, not through upserts. One session per note: opening it again returns the same one.
     */
    public EditingSession openSession(UUID id, SessionListener listener) {
        // a session the editor closed a moment ago may still be in the map: it gets a new one
        SessionRunner runner = sessions.compute(id, (key, old) -> old != null && !old.isClosing() ? old
                : new SessionRunner(key, vault, listener, wiring,
                        new Backoff(options.retryBase(), options.retryCap(), options.random())));
        execute(runner::connect);
        return runner;
    }

    private boolean inLiveSession(UUID id) {
        SessionRunner runner = sessions.get(id);
        return runner != null && runner.isLive();
    }

    @Override
    public void close() {
        vault.removeListener(vaultListener);
        try {
            submit(() -> {
                closed = true;
                keepConnected = false;
                sessions.values().forEach(SessionRunner::close);
                disconnect();
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // shutting down anyway
        }
        thread.shutdown();
        files.close();
    }

    private void connect() {
        retry = null;
        if (closed) {
            return;
        }
        DeviceState device = vault.device();
        if (!device.isPaired()) {
            setState(SyncState.UNPAIRED);
            return;
        }
        setState(SyncState.CONNECTING);
        if (vault.awaitingIdentity() && !takeOwnIdentity()) {
            return;
        }
        if (vault.device().deviceToken() == null) { // kept outside the vault, and not found for this user here
            failed(Pairing.NO_TOKEN, true);
            return;
        }
        String store;
        try {
            store = recovery.request();
        } catch (IOException e) {
            failed("the vault could not be read: " + e.getMessage(), false);
            return;
        }
        connecting = true;
        ServerAddress server = ServerAddress.of(vault.device());
        Handler handler = new Handler();
        open(server, store, handler)
                .whenComplete((opened, error) -> execute(() -> {
                    connecting = false;
                    if (error != null) {
                        connectFailed(server, error);
                    } else if (closed) {
                        opened.close();
                    } else if (handler.gone) {
                        // closed (the server went down, say) before this task ran: try again
                        setState(SyncState.OFFLINE);
                        scheduleRetry();
                    } else {
                        handler.connection = opened;
                        connected(opened);
                    }
                }));
    }

    private void connected(WireConnection opened) {
        connection = opened;
        connectedOnce = true;
        procedure = new GlobalProcedure(vault, this::send, fanOut, this::inLiveSession, pullAfterSession);
        procedure.speaksTrash(opened.speaksTrash());
        speaksFiles = opened.speaksFiles();
        files.poll(keepConnected && speaksFiles);
        setState(SyncState.SYNCING);
        try {
            Optional<ReuploadRule.Plan> lost = recovery.opened(opened.upgradeHeader(StoreHeader.NAME));
            if (lost.isPresent() && !procedure.reupload(lost.get())) {
                recovery.leftOut();
            }
            holdForBurst();
            procedure.start();
            checkCurrent();
        } catch (IOException e) {
            readFailed(e);
        }
    }

    /**
     * This vault is a copy of a paired device's (docs/vault.md, "A copied vault"): before it
     * connects, it asks the server for a device of its own with the token it holds, and moves its
     * pending work under the new site. False if that failed (reported; retried like a connection).
     */
    private boolean takeOwnIdentity() {
        DeviceState copied = vault.device();
        try {
            DeviceState own = Pairing.pairCopy(copied);
            vault.adoptIdentity(own);
            System.getLogger(SyncClient.class.getName()).log(System.Logger.Level.DEBUG, "the vault in "
                    + vault.folder() + " is a copy of the device of site " + copied.site()
                    + "; it is now a device of its own, site " + own.site());
            return true;
        } catch (SyncException e) {
            failed(e.getMessage(), ConnectFailures.isPermanent(e));
        } catch (IOException e) {
            failed("the vault could not be written: " + e.getMessage(), false);
        }
        return false;
    }

    /**
     * Opens a connection that must be up within {@link #OPEN_TIMEOUT}: a server (or a middlebox)
     * that accepts TCP and then says nothing must not leave the device connecting forever. A
     * connection that opens after the deadline is dropped at once. {@code store}: the {@code Weft-Store}
     * header of the global connection, or null (a session).
     */
    private CompletableFuture<WireConnection> open(ServerAddress server, String store, WireConnection.Handler handler) {
        if (vault.awaitingIdentity()) { // a session's turn comes once the global connection gave the copy its identity
            return CompletableFuture.failedFuture(new IOException("this copy of the vault has no device of its own yet"));
        }
        CompletableFuture<WireConnection> opening = WireConnection.open(tls(server), server,
                vault.device().deviceToken(), vault.instanceId(), store, codec, this::execute, handler, wire);
        CompletableFuture<WireConnection> result = new CompletableFuture<>();
        opening.whenComplete((opened, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (!result.complete(opened)) {
                opened.abort();
            }
        });
        thread.schedule(() -> result.completeExceptionally(new java.net.http.HttpTimeoutException(
                "no answer to the connection request within " + OPEN_TIMEOUT.toSeconds() + " s")),
                OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    private String status() {
        return state + (connecting ? ", connecting" : "") + (retry != null ? ", retry scheduled" : "")
                + (procedure != null ? ", " + procedure.describe() : ", no connection");
    }

    /** One TLS context (and its session cache) per server, shared by every connection; null for ws://. */
    private synchronized SSLContext tls(ServerAddress server) {
        if (!server.equals(tlsServer)) {
            tls = HttpClients.tls(server);
            tlsServer = server;
        }
        return tls;
    }

    private void send(List<? extends Message> messages) {
        if (connection != null) {
            connection.send(messages);
        }
    }

    private void connectFailed(ServerAddress server, Throwable error) {
        if (ConnectFailures.isCopy(error)) {
            try {
                vault.becomeCopy(); // another copy of this vault uses the token: this one pairs itself anew
                connect();
            } catch (IOException e) {
                failed("the vault could not be written: " + e.getMessage(), false);
            }
            return;
        }
        failed(ConnectFailures.describe(server, error), ConnectFailures.isPermanent(error));
    }

    private void failed(String problem, boolean permanent) {
        fanOut.problem(problem);
        if (permanent || (!keepConnected && !connectedOnce)) {
            setState(permanent ? SyncState.REFUSED : SyncState.OFFLINE);
            nextCurrent.completeExceptionally(new SyncException(problem));
            nextCurrent = new CompletableFuture<>();
            return;
        }
        setState(SyncState.OFFLINE);
        scheduleRetry();
    }

    private void scheduleRetry() {
        if (!closed && retry == null) {
            retry = thread.schedule(this::connect, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void localWork(UUID id) {
        SessionRunner runner = sessions.get(id);
        if (runner != null && runner.isLive()) {
            runner.localWork();
            return;
        }
        dirty.add(id);
        if (procedure != null && flush == null) {
            flush = thread.schedule(this::flushLocalWork, options.batchDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flushLocalWork() {
        flush = null;
        if (procedure == null) {
            return;
        }
        try {
            for (UUID id : dirty) {
                procedure.localWork(id);
            }
            dirty.clear();
            checkCurrent();
        } catch (IOException e) {
            readFailed(e);
        }
    }

    private void checkCurrent() {
        if (procedure == null) {
            return;
        }
        if (procedure.isCurrent()) {
            try {
                recovery.current();
            } catch (IOException e) {
                fanOut.problem("the vault could not be written: " + Reasons.of(e)); // the recovery runs again
            }
            backoff.reset();
            if (keepConnected && speaksFiles && state != SyncState.SYNCED) {
                files.trigger(); // every global sync that became current: the files' round follows
            }
            setState(SyncState.SYNCED);
            nextCurrent.complete(null);
            nextCurrent = new CompletableFuture<>();
        } else {
            setState(procedure.serverDiskFull() || sessionRefusedForSpace ? SyncState.SERVER_DISK_FULL
                    : SyncState.SYNCING);
        }
    }

    /**
     * The server refused a write for lack of space: says so; a one-shot sync ends with it, a kept
     * connection (reads and pushes go on) sends the pending work again after a backoff.
     */
    private void serverDiskFull() {
        String problem = SERVER_DISK_FULL;
        fanOut.problem(problem);
        if (!keepConnected) {
            nextCurrent.completeExceptionally(new SyncException(problem));
            nextCurrent = new CompletableFuture<>();
        } else if (resend == null) {
            GlobalProcedure current = procedure;
            resend = thread.schedule(() -> execute(() -> {
                resend = null;
                if (procedure == current && current != null) {
                    try {
                        current.resendPending();
                        checkCurrent();
                    } catch (IOException e) {
                        drop("the vault could not be read: " + e.getMessage());
                    }
                }
            }), backoff.next().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The server refused changes that stay on this device (said by the procedure already): a one-shot
     * sync ends with it, since they would be refused again; a kept connection goes on with the rest.
     */
    private void changesRefused(String problem) {
        lastProblem = problem;
        if (!keepConnected) {
            nextCurrent.completeExceptionally(new SyncException(problem));
            nextCurrent = new CompletableFuture<>();
        }
    }

    /**
     * The vault could not take what the server sent: nothing of it was kept (the replica takes
     * back a change it cannot log), so a new connection pulls it again. A one-shot sync ends with
     * that: the same answer would fail the same way, and it used to be pulled again until the
     * one-shot deadline (10 minutes) with nothing said.
     */
    private void vaultNotWritten(IOException e) {
        String problem = DiskFull.causes(e) ? VAULT_DISK_FULL : "the vault could not be written: " + e.getMessage();
        if (!keepConnected) {
            endOnce(DiskFull.causes(e) ? problem + " (" + e.getMessage() + ")" : problem);
            return;
        }
        drop(problem);
    }

    /** Sending reads the vault and marks what leaves in it: the mark is a write that may find the disk full. */
    private void readFailed(IOException e) {
        if (DiskFull.causes(e)) {
            vaultNotWritten(e);
        } else if (!keepConnected) {
            endOnce("the vault could not be read: " + e.getMessage());
        } else {
            drop("the vault could not be read: " + e.getMessage());
        }
    }

    /** Ends a one-shot sync with {@code problem}: retrying cannot help until someone fixes the vault. */
    private void endOnce(String problem) {
        fanOut.problem(problem);
        nextCurrent.completeExceptionally(new SyncException(problem));
        nextCurrent = new CompletableFuture<>();
        disconnect();
    }

    /** Gives up this connection after a problem and tries again later. */
    private void drop(String problem) {
        fanOut.problem(problem);
        disconnect();
        if (keepConnected || !nextCurrent.isDone()) {
            scheduleRetry();
        }
    }

    private void disconnect() {
        files.poll(false);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        procedureGone();
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        setState(vault.device().isPaired() ? SyncState.OFFLINE : SyncState.UNPAIRED);
    }

    private void setState(SyncState next) {
        if (state != next) {
            state = next;
            for (SyncListener l : listeners) {
                l.stateChanged(next);
            }
        }
    }

    /**
     * Keeps the replicas the procedure's jobs open until the tasks queued on this thread by now
     * (answers read meanwhile) are done: each note's jobs in a burst (its upload marked and sent,
     * its answer applied, acknowledged, made current) open its files once and force its log once,
     * side by side with the other notes' (docs/client.md, "Many notes").
     */
    private void holdForBurst() {
        if (hold == null) {
            hold = vault.holdReplicas();
        }
        if (!holdEndQueued) {
            holdEndQueued = true;
            execute(this::endBurst);
        }
    }

    /**
     * The end of a burst: the hold ends, unless uploads of this connection are still unanswered
     * (their answers use the replicas their uploads opened; the next answer's task queues this again).
     */
    private void endBurst() {
        holdEndQueued = false;
        if (hold == null || procedure != null && procedure.uploadsUnderWay()) {
            return;
        }
        dev.weft.vault.ReplicaHold ending = hold;
        hold = null;
        try {
            ending.close();
        } catch (IOException e) {
            if (procedure != null) {
                vaultNotWritten(e);
            } else {
                fanOut.problem("the vault could not be written: " + e.getMessage());
            }
        }
    }

    /** The connection's procedure is gone: a hold kept for its uploads ends with the tasks queued now. */
    private void procedureGone() {
        procedure = null;
        if (hold != null && !holdEndQueued) {
            holdEndQueued = true;
            execute(this::endBurst);
        }
    }

    private void execute(Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    crashed(e);
                }
            });
        }
    }

    private <T> CompletableFuture<T> submit(java.util.concurrent.Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (thread.isShutdown()) { // closed: nothing will ever run the task, so the caller must not wait for it
            result.completeExceptionally(new SyncException("this sync client is closed"));
            return result;
        }
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            } catch (Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    /**
     * A task of the sync thread failed with an unexpected exception or an error (an
     * {@link OutOfMemoryError} taking a big note in, say): the connection's state is unknown, so it
     * goes, and a one-shot sync ends with the cause. Left to the executor, an {@link Error} vanished
     * in its future: the thread went idle and {@link #syncOnce} waited for its whole timeout.
     */
    private void crashed(Throwable e) {
        System.getLogger(SyncClient.class.getName()).log(System.Logger.Level.ERROR, "sync failed", e);
        String problem = "sync failed: " + e;
        if (!keepConnected && !nextCurrent.isDone()) {
            endOnce(problem);
        } else {
            drop(problem);
        }
    }

    /** One connection's events: those of a connection that is no longer the current one change nothing. */
    private final class Handler implements WireConnection.Handler {
        WireConnection connection;
        boolean gone;

        private boolean current() {
            return connection != null && connection == SyncClient.this.connection;
        }

        @Override
        public void received(List<Message> messages) {
            if (!current() || procedure == null) {
                return;
            }
            if (messages.stream().anyMatch(dev.weft.protocol.FileForm::isFiles)) {
                files.trigger(); // a file was committed: the files' round fetches it
                messages = messages.stream().filter(m -> !dev.weft.protocol.FileForm.isFiles(m)).toList();
            }
            try {
                holdForBurst();
                procedure.received(messages);
                if (procedure.takeServerDiskFull()) {
                    serverDiskFull();
                }
                procedure.takeRefused().ifPresent(SyncClient.this::changesRefused);
                checkCurrent();
            } catch (ProtocolViolation e) {
                drop("the server broke the protocol: " + e.getMessage());
            } catch (IOException e) {
                vaultNotWritten(e);
            } catch (RuntimeException e) {
                // the procedure's state is unknown now: start over on a new connection
                drop("sync failed: " + e);
                System.getLogger(SyncClient.class.getName()).log(System.Logger.Level.ERROR, "sync failed", e);
            } catch (Error e) {
                crashed(e);
            }
        }

        @Override
        public void closed(int code, String reason, Throwable error) {
            gone = true;
            if (!current()) {
                return; // closed by us, or an old connection
            }
            SyncClient.this.connection = null;
            files.poll(false);
            procedureGone();
            String problem = code == 1001 ? "the server is shutting down"
                    : "the connection to the server was lost (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
            lastProblem = problem;
            List<String> incomplete = vault.incompleteNotes();
            if (!incomplete.isEmpty()) {
                fanOut.problem("not all of " + String.join(", ", incomplete) + " arrived: "
                        + (incomplete.size() == 1 ? "its file keeps" : "their files keep")
                        + " the older text until the rest does");
                lastProblem = problem;
            }
            // 1008 is for a revoked device only; an older server also sent it to a reader too slow
            if (code == 1008 && (reason == null || !reason.startsWith("too slow"))) {
                setState(SyncState.REFUSED);
                fanOut.problem("the server closed the connection: " + reason);
                nextCurrent.completeExceptionally(new SyncException("the server refused this device: " + reason));
                nextCurrent = new CompletableFuture<>();
                return;
            }
            fanOut.connectionLost(problem);
            setState(SyncState.OFFLINE);
            scheduleRetry();
        }
    }

    private final class FanOut implements SyncListener {
        @Override
        public void progress(int done, int total) {
            listeners.forEach(l -> l.progress(done, total));
        }

        @Override
        public void problem(String message) {
            lastProblem = message;
            listeners.forEach(l -> l.problem(message));
        }

        @Override
        public void filesProgress(dev.weft.client.files.FileProgress progress) {
            listeners.forEach(l -> l.filesProgress(progress));
        }

        @Override
        public void connectionLost(String message) {
            listeners.forEach(l -> l.connectionLost(message));
            problem(message);
        }

        @Override
        public void changeRefused(String message) {
            listeners.forEach(l -> l.changeRefused(message));
        }

        @Override
        public void storeRecovery(String message) {
            listeners.forEach(l -> l.storeRecovery(message));
        }

        @Override
        public void notice(String message) {
            listeners.forEach(l -> l.notice(message));
        }
    }

    /** What a session needs from its client: the thread, connections, and the global upload. */
    final class Wiring {
        void execute(Runnable task) {
            SyncClient.this.execute(task);
        }

        ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            return thread.schedule(() -> SyncClient.this.execute(task), delay, unit);
        }

        CompletableFuture<WireConnection> open(WireConnection.Handler handler) {
            ServerAddress server = ServerAddress.of(vault.device());
            return SyncClient.this.open(server, null, handler);
        }

        void problem(String message) {
            fanOut.problem(message);
        }

        /**
         * The editor closed the session: the global connection pulls the note. A session whose
         * connection is lost is not ended: it reconnects, and its catch-up from the note's time
         * brings what it had not forwarded (a pull racing that catch-up could be applied before its
         * 68, whose time may be older than the pull's atoms).
         */
        void sessionClosed(SessionRunner runner) {
            UUID id = runner.document();
            sessions.remove(id, runner);
            pullAfterSession.add(id);
            if (procedure != null) {
                try {
                    procedure.sessionClosed(id);
                } catch (IOException e) {
                    drop("the vault could not be read: " + e.getMessage());
                    return;
                }
            }
            localWork(id);
            checkCurrent();
        }

        /** A session's 69 may have acknowledged the last pending ops: the vault may be current now. */
        void sessionProgress() {
            sessionRefusedForSpace = false;
            checkCurrent();
        }

        /** A session was closed because the server's disk is full; it reconnects with backoff. */
        void sessionRefusedForSpace() {
            execute(() -> {
                sessionRefusedForSpace = true;
                fanOut.problem(SERVER_DISK_FULL);
                checkCurrent();
            });
        }

        /** The note has ops only a global upsert may carry: send them now. */
        void uploadFirst(UUID id) {
            localWork(id);
        }
    }
}
