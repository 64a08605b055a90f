package dev.weft.server;

import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.PairingLink;
import dev.weft.server.security.CertificateStore;
import dev.weft.server.security.IdentityException;
import dev.weft.server.security.PairingCodes;
import dev.weft.server.security.PairingCodeStore;
import dev.weft.server.security.Secrets;
import dev.weft.server.security.ServerIdentity;
import dev.weft.server.security.ServerTls;
import dev.weft.server.security.SubjectNames;
import dev.weft.store.ChunkFiles;
import dev.weft.store.Device;
import dev.weft.store.FileStats;
import dev.weft.store.Store;
import dev.weft.store.StoreCompaction;
import dev.weft.store.StoreException;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.PathHandler;
import java.net.BindException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The sync server: the store, the TLS identity, and Undertow serving {@code /v1/pair} and
 * {@code /v1/sync} on one port, with the control socket of {@code weft pair-code}, {@code devices}
 * and {@code revoke} in the data dir (see {@link ControlClient}). {@link #close} stops accepting,
 * closes every connection with 1001, and commits what is queued before the store closes.
 */
public final class WeftServer implements AutoCloseable {
    /** How long {@link #close} waits for peers to answer its close frames. */
    static final long SHUTDOWN_GRACE_MILLIS = 2_000;

    private final ServerConfig config;
    private final Store store;
    private final Hub hub;
    private final Undertow undertow;
    private final ExecutorService pool;
    private final PairingCodes pairingCodes;
    private final String fingerprint;
    private final ServerLog log;
    private final ControlChannel control;
    private final ReceiveBudget receiveBudget;
    private final FileEndpoint fileEndpoint;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<HistoryExpiry> historyExpiry =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<TrashExpiry> trashExpiry =
            new java.util.concurrent.atomic.AtomicReference<>();

    private WeftServer(ServerConfig config, Store store, Hub hub, Undertow undertow, ExecutorService pool,
            PairingCodes pairingCodes, String fingerprint, ServerLog log, ControlChannel control,
            ReceiveBudget receiveBudget, FileEndpoint fileEndpoint) {
        this.fileEndpoint = fileEndpoint;
        this.config = config;
        this.store = store;
        this.hub = hub;
        this.undertow = undertow;
        this.pool = pool;
        this.pairingCodes = pairingCodes;
        this.fingerprint = fingerprint;
        this.log = log;
        this.control = control;
        this.receiveBudget = receiveBudget;
    }

    /**
     * Starts a server as {@code config} says.
     *
     * @throws ServerStartException with a message for a person: port in use, data dir in use or
     *     unwritable, bad certificate files
     */
    public static WeftServer start(ServerConfig config, ServerLog log) throws ServerStartException {
        return start(config, log, FileLimits.DEFAULT);
    }

    /** {@link #start(ServerConfig, ServerLog)} with {@code --file-limit} and {@code --file-versions}. */
    public static WeftServer start(ServerConfig config, ServerLog log, FileLimits files) throws ServerStartException {
        PrivateDataDir.prepare(config.dataDir());
        compactStore(config, log);
        Store store;
        try {
            store = Store.open(config.dataDir());
        } catch (StoreException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
        DiskHealth disk = new DiskHealth(config.dataDir(), log);
        store.onHealth(disk);
        store.onDamage(damage -> log.error(damage.getMessage() + ": the server is read-only, writes are refused;"
                + " stop it and run weft repair-store --data " + config.dataDir(), null));
        disk.checkAtStart();
        ControlChannel control;
        try {
            control = ControlChannel.bind(config.dataDir(), log);
        } catch (ServerStartException e) {
            store.close();
            throw e;
        }
        try {
            WeftServer server = start(config, store, control, log, files);
            control.serve(new ControlRequests(server, log));
            return server;
        } catch (ServerStartException | RuntimeException e) {
            control.close();
            store.close();
            throw e;
        }
    }

    /**
     * Rewrites a store whose file is mostly free space before opening it (docs/store.md, "Size"); a
     * compaction that fails leaves the old file as it was, and the server opens that.
     */
    private static void compactStore(ServerConfig config, ServerLog log) {
        try {
            StoreCompaction.compactIfWasteful(config.dataDir()).ifPresent(sizes -> log.info(
                    "compacted the store: " + sizes[0] + " bytes before, " + sizes[1] + " after"));
        } catch (StoreException e) {
            log.error("could not compact the store, opening it as it is: " + e.getMessage(), null);
        }
    }

    private static WeftServer start(ServerConfig config, Store store, ControlChannel control, ServerLog log,
            FileLimits files) throws ServerStartException {
        ChunkFiles chunks = chunkFiles(config, store, log);
        SecureRandom random = new SecureRandom();
        CertificateStore certificates = new CertificateStore(config.dataDir(), Clock.systemUTC(), random);
        Optional<ServerIdentity> identity = identity(config, certificates);
        String serverId;
        SSLContext tls = null;
        try {
            serverId = identity.isPresent() ? identity.get().serverId() : certificates.serverId();
            if (identity.isPresent()) {
                tls = ServerTls.context(identity.get());
            }
        } catch (IdentityException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
        Secrets secrets = new Secrets(random);
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        // close() shuts the pool only once nothing can give it work; a task refused anyway is a bug, logged
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(),
                (task, executor) -> log.error("a task was refused by the pool, which was shut down", null));
        Hub hub = new Hub(pool);
        FileEndpoint fileEndpoint = new FileEndpoint(store, chunks, hub, files, log, config.receive().deadline().toMillis());
        MessageCodec codec = new MessageCodec(config.limits());
        Failures failures = new Failures(log);
        ReceiveBudget receiveBudget = new ReceiveBudget(config.receive());
        PathHandler routes = new PathHandler()
                .addExactPath("/v1/pair", new PairEndpoint(store, secrets, serverId, log))
                .addExactPath("/v1/pair-copy", new PairCopyEndpoint(store, secrets, serverId, log))
                .addExactPath("/v1/sync", new SyncEndpoint(store, hub, codec, config.maxUnsentBytes(), pool, failures, log,
                        config.deflate(), config.receive(), receiveBudget))
                .addPrefixPath("/v1/files", fileEndpoint);
        Undertow.Builder builder = Undertow.builder()
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) config.limits().maxMessageBytes() + 1024)
                .setHandler(routes);
        if (tls == null) {
            builder.addHttpListener(config.port(), config.bind());
        } else {
            builder.addHttpsListener(config.port(), config.bind(), tls);
        }
        Undertow undertow = builder.build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            pool.shutdownNow();
            fileEndpoint.close();
            if (causedBy(e, BindException.class)) {
                throw new ServerStartException("cannot listen on " + config.bind() + ":" + config.port()
                        + ": the port is in use or the address is not this machine's", e);
            }
            throw new ServerStartException("cannot start the server: " + e.getMessage(), e);
        }
        PairingCodes codes = new PairingCodes(codeStore(store), secrets, Clock.systemUTC());
        String fp = identity.map(ServerIdentity::fingerprint).orElse(PairingLink.PLAIN);
        return new WeftServer(config, store, hub, undertow, pool, codes, fp, log, control, receiveBudget, fileEndpoint);
    }

    /**
     * The chunk files of the data dir; chunks no kept version references and older than a day (uploads
     * never committed) are deleted before any device can commit (docs/store.md, "Files").
     */
    private static ChunkFiles chunkFiles(ServerConfig config, Store store, ServerLog log) throws ServerStartException {
        try {
            ChunkFiles chunks = ChunkFiles.open(config.dataDir());
            if (store.damage().isEmpty()) {
                int swept = chunks.sweep(store::chunkReferenced, TimeUnit.DAYS.toMillis(1));
                if (swept > 0) {
                    log.info("deleted " + swept + " chunks uploaded over a day ago and never committed");
                }
            }
            return chunks;
        } catch (IOException e) {
            throw new ServerStartException("cannot open the files' chunks in " + config.dataDir() + ": " + e, e);
        }
    }

    private static Optional<ServerIdentity> identity(ServerConfig config, CertificateStore certificates)
            throws ServerStartException {
        try {
            if (config.tls() instanceof ServerConfig.TlsSetting.Pem pem) {
                return Optional.of(certificates.userSupplied(pem.certificate(), pem.key()));
            }
            if (config.tls() instanceof ServerConfig.TlsSetting.SelfSigned) {
                return Optional.of(certificates.selfSigned(SubjectNames.forThisMachine()));
            }
            return Optional.empty();
        } catch (IdentityException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
    }

    private static PairingCodeStore codeStore(Store store) {
        return new PairingCodeStore() {
            @Override
            public void put(byte[] codeHash, long expiresMicros) {
                store.write(batch -> {
                    batch.putPairingCode(codeHash, expiresMicros);
                    return null;
                });
            }

            @Override
            public boolean consume(byte[] codeHash, long nowMicros) {
                return store.write(batch -> batch.consumePairingCode(codeHash, nowMicros));
            }
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "weft-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The port the server listens on (the chosen one when the config said 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The certificate's SHA-256 fingerprint, or {@link PairingLink#PLAIN} when running without TLS. */
    public String fingerprint() {
        return fingerprint;
    }

    /** A fresh single-use pairing link for this server (docs/protocol.md §7). */
    public PairingLink pairingLink() {
        return new PairingLink(linkHost(), port(), pairingCodes.issue(), fingerprint);
    }

    private String linkHost() {
        String bind = config.bind();
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
            return bind;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Every device ever paired, revoked ones too. */
    public List<Device> devices() {
        return store.devices();
    }

    /** The files the store keeps: files, versions, chunks and their bytes. O(chunks). */
    public FileStats fileStats() {
        return store.fileStats();
    }

    /** The deleted text the store keeps for history. O(store). */
    public Store.HistorySize historySize() {
        return store.historySize();
    }

    /**
     * Revokes the device named {@code name} (its open connections close at once).
     *
     * @return the device, or empty if no device with that name is paired
     */
    public Optional<Device> revoke(String name) {
        Optional<Device> device = store.write(batch -> batch.revoke(name));
        device.ifPresent(d -> {
            log.info("revoked device '" + d.name() + "' (site " + d.site() + ")");
            hub.disconnect(d.site(), Failures.POLICY, "device revoked");
        });
        return device;
    }

    /**
     * Writes a backup of this server to {@code file} (absolute) without stopping it: the store as of
     * one commit, its TLS identity and what it holds (docs/server.md, "Backups"). Writes wait while
     * the store's files are copied (a file copy; the compression comes after); connections stay up.
     *
     * @throws IOException if the file cannot be written (nothing is left then, an older file stays)
     */
    ServerBackup.Made backup(Path file) throws IOException {
        ServerBackup.Made made = ServerBackup.write(store, config.dataDir(), file);
        log.info("backed up the store (changes up to sync time " + made.lastSyncTime() + ") to " + file + ", "
                + made.bytes() + " bytes; writes waited " + made.writesWaitedMillis() + " ms for the copy");
        return made;
    }

    /**
     * Closes the control socket, stops accepting, closes every connection with 1001 and waits for
     * their close tasks (peers that do not answer within {@value #SHUTDOWN_GRACE_MILLIS} ms are
     * dropped), stops Undertow, commits queued work and closes the store, and only then shuts the
     * pool that runs the connections' tasks: nothing is handed to it after that.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        control.close();
        TrashExpiry expiry = trashExpiry.getAndSet(null);
        if (expiry != null) {
            expiry.close();
        }
        HistoryExpiry forgetting = historyExpiry.getAndSet(null);
        if (forgetting != null) {
            forgetting.close();
        }
        boolean interrupted = false;
        try {
            if (!hub.shutdown(Failures.GOING_AWAY, "server shutting down", SHUTDOWN_GRACE_MILLIS)) {
                log.info("some connections did not close within " + 2 * SHUTDOWN_GRACE_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        fileEndpoint.close(); // a file request blocked in a read would hold undertow.stop()
        undertow.stop();
        store.close(); // runs what is queued; the answers' tasks still find the pool
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                log.info("connection tasks still running after 5 s");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        log.info("stopped");
    }

    /**
     * Deletes forever the notes in the trash for more than {@code days} days ({@code --trash-days}; 0
     * keeps them): now, then every hour.
     */
    public void keepTrash(int days) {
        keepTrash(days, java.time.Clock.systemUTC());
    }

    /** {@link #keepTrash(int)} on the time of {@code clock} (tests move it days ahead). */
    public void keepTrash(int days, java.time.Clock clock) {
        TrashExpiry expiry = new TrashExpiry(store, hub, log, days, clock);
        TrashExpiry before = trashExpiry.getAndSet(expiry);
        if (before != null) {
            before.close();
        }
        expiry.start();
    }

    /**
     * Forgets the text deleted more than {@code days} days ago ({@code --history-days}; 0 keeps it
     * forever): now, then every hour.
     */
    public void keepHistory(int days) {
        HistoryExpiry expiry = new HistoryExpiry(store, log, days);
        HistoryExpiry before = historyExpiry.getAndSet(expiry);
        if (before != null) {
            before.close();
        }
        expiry.start();
    }

    /** Runs the {@code --history-days} rule once as if it were {@code nowMicros} (tests); returns how many characters it forgot. */
    long expireHistoryAt(long nowMicros, int days) {
        return new HistoryExpiry(store, log, days).runAt(nowMicros);
    }

    /** The bytes of incoming messages held now (tests). */
    ReceiveBudget receiveBudget() {
        return receiveBudget;
    }

    /** The data dir this server keeps its store in. */
    public Path dataDir() {
        return config.dataDir();
    }
}
