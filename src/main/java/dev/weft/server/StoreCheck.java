package dev.weft.server;

import dev.weft.protocol.StoreHeader;
import dev.weft.store.Device;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.StoreRun;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.util.Optional;

/**
 * The server's side of {@code Weft-Store} (docs/protocol.md §7, ext): tells a connecting device the
 * store's id and run, and through which time the store holds what the device saw in the run it
 * names. A device that saw later times holds changes this store lost (its file was deleted, or put
 * back from an older copy): it uploads its notes again, and its connection may then carry the atoms
 * of other sites ({@link #restoring()}), since it holds theirs too.
 *
 * @param restoring the device said it saw times this store does not hold
 */
record StoreCheck(boolean restoring) {
    /**
     * Answers the upgrade's header, or refuses a malformed one with {@code 400} (then empty). No
     * header: no answer, nothing allowed. A store that cannot record its run (a full disk) answers
     * nothing either; the device checks at its next connection.
     */
    static Optional<StoreCheck> answer(Store store, HttpServerExchange exchange, Device device, ServerLog log) {
        String header = exchange.getRequestHeaders().getFirst(StoreHeader.NAME);
        if (header == null) {
            return Optional.of(new StoreCheck(false));
        }
        StoreHeader.Request request;
        try {
            request = StoreHeader.parseRequest(header);
        } catch (IllegalArgumentException e) {
            exchange.setStatusCode(StatusCodes.BAD_REQUEST);
            exchange.getResponseSender().send(StoreHeader.NAME + " must be 'STORE RUN SEEN'\n");
            return Optional.empty();
        }
        StoreRun current;
        try {
            current = store.run();
        } catch (StoreException e) {
            return Optional.of(new StoreCheck(false));
        }
        Optional<StoreRun> named = request.last().map(r -> new StoreRun(r.store(), r.run()));
        long kept = store.keptThrough(named);
        StoreHeader.Answer answer = new StoreHeader.Answer(new StoreHeader.Run(current.store(), current.run()), kept);
        exchange.getResponseHeaders().put(new HttpString(StoreHeader.NAME), answer.format());
        boolean restoring = kept < request.seen();
        if (restoring) {
            log.info("device '" + device.name() + "' (site " + device.site() + ") holds changes up to sync time "
                    + request.seen() + " that this store lost (it holds "
                    + (kept == 0 ? "nothing of the store the device knew" : "them up to " + kept)
                    + "): the device uploads its notes again");
        }
        return Optional.of(new StoreCheck(restoring));
    }
}
