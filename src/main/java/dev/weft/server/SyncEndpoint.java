package dev.weft.server;

import dev.weft.protocol.FileForm;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.RunForm;
import dev.weft.protocol.TrashForm;
import dev.weft.server.security.Secrets;
import dev.weft.store.Device;
import dev.weft.store.Store;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code GET /v1/sync}: checks the device token (docs/protocol.md §7: an unknown or revoked one gets
 * {@code 401} before any upgrade), then upgrades to a WebSocket and hands it to a new
 * {@link ConnectionLogic}.
 */
final class SyncEndpoint implements HttpHandler {
    private static final AttachmentKey<Device> DEVICE = AttachmentKey.create(Device.class);
    private static final AttachmentKey<StoreCheck> STORE_CHECK = AttachmentKey.create(StoreCheck.class);
    private static final AttachmentKey<Boolean> RUNS = AttachmentKey.create(Boolean.class);
    private static final AttachmentKey<Boolean> TRASH = AttachmentKey.create(Boolean.class);
    private static final AttachmentKey<Boolean> FILES = AttachmentKey.create(Boolean.class);
    private static final String BEARER = "Bearer ";

    private final Store store;
    private final Hub hub;
    private final MessageCodec codec;
    private final long maxUnsentBytes;
    private final Executor pool;
    private final Failures failures;
    private final ServerLog log;
    private final HttpHandler upgrade;
    private final ReceiveLimits receive;
    private final ReceiveBudget budget;
    private final DeviceInstances instances = new DeviceInstances();

    /**
     * Deflater level of the server's compressed messages: level 1 costs half the CPU of level 6 on
     * a first-sync frame for 6-8% more bytes (measured on the traces' 33 frames, docs/benchmarks.md).
     */
    static final int DEFLATE_LEVEL = 1;

    SyncEndpoint(Store store, Hub hub, MessageCodec codec, long maxUnsentBytes, Executor pool, Failures failures,
            ServerLog log, boolean deflate, ReceiveLimits receive, ReceiveBudget budget) {
        this.store = store;
        this.hub = hub;
        this.codec = codec;
        this.maxUnsentBytes = maxUnsentBytes;
        this.pool = pool;
        this.failures = failures;
        this.log = log;
        this.receive = receive;
        this.budget = budget;
        WebSocketProtocolHandshakeHandler handshake = new WebSocketProtocolHandshakeHandler(this::connected);
        if (deflate) {
            handshake.addExtension(new DeflateHandshake(DEFLATE_LEVEL, codec.limits().maxMessageBytes()));
        }
        this.upgrade = handshake;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // the token lookup reads the store
            return;
        }
        if (hub.stopping()) {
            exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
            exchange.endExchange();
            return;
        }
        Optional<Device> device = authenticate(store, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (device.isEmpty()) {
            log.info("refused a sync connection from " + exchange.getSourceAddress() + ": unknown or revoked token");
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
            exchange.endExchange();
            return;
        }
        if (!admitted(exchange, device.get())) {
            return;
        }
        Optional<StoreCheck> check = StoreCheck.answer(store, exchange, device.get(), log);
        if (check.isEmpty()) {
            return;
        }
        store.touch(device.get().site(), System.currentTimeMillis() * 1000);
        exchange.putAttachment(DEVICE, device.get());
        exchange.putAttachment(STORE_CHECK, check.get());
        if (RunForm.VERSION.equals(exchange.getRequestHeaders().getFirst(RunForm.HEADER))) {
            exchange.getResponseHeaders().put(new HttpString(RunForm.HEADER), RunForm.VERSION); // both announce runs
            exchange.putAttachment(RUNS, Boolean.TRUE);
        }
        if (TrashForm.VERSION.equals(exchange.getRequestHeaders().getFirst(TrashForm.HEADER))) {
            exchange.getResponseHeaders().put(new HttpString(TrashForm.HEADER), TrashForm.VERSION); // protocol.md §9
            exchange.putAttachment(TRASH, Boolean.TRUE);
        }
        if (FileForm.VERSION.equals(exchange.getRequestHeaders().getFirst(FileForm.HEADER))) {
            exchange.getResponseHeaders().put(new HttpString(FileForm.HEADER), FileForm.VERSION); // protocol.md §11
            exchange.putAttachment(FILES, Boolean.TRUE);
        }
        upgrade.handleRequest(exchange);
    }

    /** Refuses a second vault instance on one device's token with {@code 409} (a copy: it pairs itself anew). */
    private boolean admitted(HttpServerExchange exchange, Device device) {
        Optional<java.util.UUID> instance;
        try {
            instance = DeviceInstances.parse(exchange.getRequestHeaders().getFirst(DeviceInstances.HEADER));
        } catch (IllegalArgumentException e) {
            exchange.setStatusCode(StatusCodes.BAD_REQUEST);
            exchange.getResponseSender().send(DeviceInstances.HEADER + " must be a UUID\n");
            return false;
        }
        if (instance.isEmpty() || instances.admit(device.site(), instance.get())) {
            return true;
        }
        log.info("refused a sync connection of device '" + device.name() + "' (site " + device.site() + ") from "
                + exchange.getSourceAddress() + ": another copy of its vault uses this token");
        exchange.setStatusCode(StatusCodes.CONFLICT);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send("another copy of this vault uses this device's token; pair this copy"
                + " as a device of its own (POST /v1/pair-copy)\n");
        return false;
    }

    /** The device whose bearer token {@code header} carries, if it is known and not revoked. */
    static Optional<Device> authenticate(Store store, String header) {
        if (header == null || !header.startsWith(BEARER)) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        if (token.isEmpty() || token.length() > 256) {
            return Optional.empty();
        }
        return store.deviceByTokenHash(Secrets.hash(token)).filter(d -> !d.revoked());
    }

    private void connected(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        Device device = exchange.getAttachment(DEVICE);
        boolean runs = exchange.getAttachment(RUNS) != null;
        WebSocketPeer peer = new WebSocketPeer(channel, device, codec, maxUnsentBytes, new SerialExecutor(pool), log,
                budget, receive, runs ? new RunForm(codec.limits()) : null);
        boolean serving = hub.opened(peer);
        if (exchange.getAttachment(FILES) != null) {
            hub.hearsFiles(peer);
        }
        peer.attach(new ConnectionLogic(store, hub, peer, codec, failures, log,
                exchange.getAttachment(STORE_CHECK).restoring(), runs, exchange.getAttachment(TRASH) != null));
        if (!serving) {
            peer.close(Failures.GOING_AWAY, "server shutting down");
        }
    }
}
