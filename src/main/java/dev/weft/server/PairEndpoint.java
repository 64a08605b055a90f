package dev.weft.server;

import dev.weft.server.security.MalformedRequestException;
import dev.weft.server.security.PairAnswer;
import dev.weft.server.security.PairRequest;
import dev.weft.server.security.Secrets;
import dev.weft.store.Device;
import dev.weft.store.DiskFullException;
import dev.weft.store.RefusedException;
import dev.weft.store.Store;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.XnioIoThread;

/**
 * {@code POST /v1/pair} (docs/protocol.md §7): redeems a pairing code and makes a device in one store
 * transaction, so a refused device name leaves the code usable; answers {@code 200} with
 * {@code token=}, {@code site=}, {@code server_id=} and (ext) {@code device_name=}, the asked name made unique
 * ({@link FreeDeviceName}); {@code 403} for a wrong, used or expired code; {@code 400} for a malformed
 * request; {@code 409} when no device can be made (every site given out); {@code 429} with
 * {@code Retry-After} to an address that sent too many wrong codes ({@link PairingGuard}), before
 * its request is read or the store is asked.
 */
final class PairEndpoint implements HttpHandler {
    private final Store store;
    private final Secrets secrets;
    private final String serverId;
    private final ServerLog log;
    private final PairingGuard guard = new PairingGuard();
    private final AtomicBoolean summing = new AtomicBoolean();

    PairEndpoint(Store store, Secrets secrets, String serverId, ServerLog log) {
        this.store = store;
        this.secrets = secrets;
        this.serverId = serverId;
        this.log = log;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            reply(exchange, StatusCodes.METHOD_NOT_ALLOWED, "use POST\n");
            return;
        }
        long wait = guard.retryAfter(address(exchange), System.nanoTime());
        if (wait > 0) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(wait));
            reply(exchange, StatusCodes.TOO_MANY_REQUESTS, "too many wrong pairing codes from this address; try again in "
                    + wait + " s\n");
            return;
        }
        if (exchange.getRequestHeaders().contains(Headers.CONTENT_ENCODING)) {
            reply(exchange, StatusCodes.BAD_REQUEST, "a pairing request is not encoded\n");
            return;
        }
        if (exchange.getRequestContentLength() > PairRequest.MAX_BODY_BYTES) {
            reply(exchange, StatusCodes.BAD_REQUEST, "a pairing request is at most " + PairRequest.MAX_BODY_BYTES + " bytes\n");
            return;
        }
        exchange.setMaxEntitySize(PairRequest.MAX_BODY_BYTES);
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        exchange.getRequestReceiver().receiveFullBytes(
                // dispatched, so the exchange stays open until the store's commit answers it
                (ex, body) -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> pair(ex, contentType, body)),
                (ex, error) -> reply(ex, StatusCodes.BAD_REQUEST, "could not read the request\n"));
    }

    private void pair(HttpServerExchange exchange, String contentType, byte[] body) {
        PairRequest request;
        try {
            request = PairRequest.parse(contentType, body);
        } catch (MalformedRequestException e) {
            reply(exchange, StatusCodes.BAD_REQUEST, e.getMessage() + "\n");
            return;
        }
        byte[] codeHash = Secrets.hash(request.code());
        store.submit(batch -> {
            if (!batch.consumePairingCode(codeHash, System.currentTimeMillis() * 1000)) {
                return null;
            }
            String token = secrets.deviceToken();
            Device device = batch.createDevice(FreeDeviceName.of(batch, request.deviceName()), Secrets.hash(token));
            return new PairAnswer(token, device.site(), serverId, device.name());
        }).whenComplete((answer, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof RefusedException) {
                    reply(exchange, StatusCodes.CONFLICT, cause.getMessage() + "\n");
                } else if (cause instanceof DiskFullException) {
                    reply(exchange, StatusCodes.INSUFFICIENT_STORAGE, cause.getMessage() + "\n");
                } else {
                    log.error("pairing failed", cause);
                    reply(exchange, StatusCodes.INTERNAL_SERVER_ERROR, "server fault\n");
                }
            } else if (answer == null) {
                String first = guard.wrong(address(exchange), System.nanoTime());
                if (first != null) {
                    log.info("refused pairing '" + request.deviceName() + "': " + first);
                    sumUpEachMinute(exchange.getIoThread());
                }
                reply(exchange, StatusCodes.FORBIDDEN, "the pairing code is wrong, used or expired\n");
            } else {
                guard.paired(address(exchange));
                log.info("paired device '" + answer.deviceName() + "' as site " + answer.site()
                        + (answer.deviceName().equals(request.deviceName()) ? "" : " (asked for '" + request.deviceName() + "')"));
                exchange.setStatusCode(StatusCodes.OK);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PairAnswer.CONTENT_TYPE);
                exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(answer.body()));
            }
        });
    }

    private static InetAddress address(HttpServerExchange exchange) {
        return exchange.getSourceAddress().getAddress();
    }

    /** Logs the guard's summaries once a minute for as long as it remembers an address. */
    private void sumUpEachMinute(XnioIoThread thread) {
        if (summing.compareAndSet(false, true)) {
            thread.executeAfter(() -> {
                guard.summaries(System.nanoTime()).forEach(log::info);
                summing.set(false);
                if (guard.watching()) {
                    sumUpEachMinute(thread);
                }
            }, PairingGuard.SUMMARY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void reply(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }
}
