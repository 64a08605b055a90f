package dev.weft.server;

import dev.weft.store.DiskFullException;
import dev.weft.store.StoreDamagedException;

/** What the server does when a peer breaks the protocol or the server itself fails: log, close. */
final class Failures {
    static final int PROTOCOL_ERROR = 1002;
    static final int SERVER_FAULT = 1011;
    static final int GOING_AWAY = 1001;
    /** Only for a revoked device: its client stops and asks to be paired again. */
    static final int POLICY = 1008;
    /** (ext) A peer that left too much unread: it reconnects (docs/protocol.md §3). */
    static final int TOO_SLOW = 4008;
    static final int TRY_AGAIN_LATER = 1013;

    private final ServerLog log;

    Failures(ServerLog log) {
        this.log = log;
    }

    void protocol(PeerLink peer, String reason) {
        log.info("closing " + peer + ": protocol error: " + reason);
        peer.close(PROTOCOL_ERROR, reason);
    }

    /** A request refused with the connection left open: logged, so the owner can see who sends what. */
    void refused(PeerLink peer, String reason) {
        log.info("refused from " + peer + ": " + reason);
    }

    void closeWith(PeerLink peer, int code, String reason) {
        log.info("closing " + peer + " (" + code + "): " + reason);
        peer.close(code, reason);
    }

    /**
     * A store failure: a full disk or a damaged store closes with 1013 and says so (the store logs
     * it once), else 1011.
     */
    void fault(PeerLink peer, Throwable cause) {
        if (cause instanceof DiskFullException) {
            closeWith(peer, TRY_AGAIN_LATER, DiskFullException.MESSAGE);
            return;
        }
        if (cause instanceof StoreDamagedException) {
            closeWith(peer, TRY_AGAIN_LATER, StoreDamagedException.MESSAGE);
            return;
        }
        log.error("server fault on " + peer, cause);
        peer.close(SERVER_FAULT, "server fault");
    }
}
