package dev.weft.server;

import dev.weft.protocol.SessionPeer;
import dev.weft.server.security.PairAnswer;
import dev.weft.server.security.Secrets;
import dev.weft.store.Device;
import dev.weft.store.RefusedException;
import dev.weft.store.Store;
import dev.weft.store.WriteBatch;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /v1/pair-copy} (docs/protocol.md §7, ext): a copy of a paired device's vault asks,
 * with the token it found in {@code .weft/}, for a device of its own: a new device named after the
 * old one ({@code NAME (copy)}, {@code NAME (copy 2)}, …) with a new token and site, answered like a
 * pairing. The old device is left as it is: the original keeps working. {@code 401} for an unknown
 * or revoked token, {@code 409} when no device can be made (every site given out).
 */
final class PairCopyEndpoint implements HttpHandler {
    private final Store store;
    private final Secrets secrets;
    private final String serverId;
    private final ServerLog log;

    PairCopyEndpoint(Store store, Secrets secrets, String serverId, ServerLog log) {
        this.store = store;
        this.secrets = secrets;
        this.serverId = serverId;
        this.log = log;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // the token lookup reads the store
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            reply(exchange, StatusCodes.METHOD_NOT_ALLOWED, "use POST\n");
            return;
        }
        Optional<Device> original = SyncEndpoint.authenticate(store, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (original.isEmpty()) {
            log.info("refused to pair a copy from " + exchange.getSourceAddress() + ": unknown or revoked token");
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            reply(exchange, StatusCodes.UNAUTHORIZED, "unknown or revoked device token\n");
            return;
        }
        exchange.dispatch(io.undertow.util.SameThreadExecutor.INSTANCE, () -> pair(exchange, original.get()));
    }

    private void pair(HttpServerExchange exchange, Device original) {
        store.submit(batch -> {
            String token = secrets.deviceToken();
            Device device = batch.createDevice(freeName(batch, original.name()), Secrets.hash(token));
            return new Paired(device, new PairAnswer(token, device.site(), serverId));
        }).whenComplete((paired, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof RefusedException) {
                    reply(exchange, StatusCodes.CONFLICT, cause.getMessage() + "\n");
                } else {
                    log.error("pairing a copy failed", cause);
                    reply(exchange, StatusCodes.INTERNAL_SERVER_ERROR, "server fault\n");
                }
                return;
            }
            log.info("paired a copy of device '" + original.name() + "' (site " + original.site() + ") as '"
                    + paired.device().name() + "', site " + paired.device().site());
            exchange.setStatusCode(StatusCodes.OK);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PairAnswer.CONTENT_TYPE);
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(paired.answer().body()));
        });
    }

    /** {@code NAME (copy)}, else {@code NAME (copy N)}: the first name no device has, within the length limit. */
    static String freeName(WriteBatch batch, String original) {
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? " (copy)" : " (copy " + n + ")";
            String name = fit(original, SessionPeer.MAX_DEVICE_NAME_BYTES - suffix.length()) + suffix;
            if (!batch.deviceNameTaken(name)) {
                return name;
            }
        }
    }

    /** The longest start of {@code name} of at most {@code bytes} bytes of UTF-8. */
    static String fit(String name, int bytes) {
        int used = 0;
        int end = 0;
        while (end < name.length()) {
            int c = name.codePointAt(end);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(c);
        }
        return name.substring(0, end);
    }

    private record Paired(Device device, PairAnswer answer) {
    }

    private static void reply(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }
}
