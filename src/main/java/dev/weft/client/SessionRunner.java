package dev.weft.client;

import dev.weft.crdt.Pid;
import dev.weft.protocol.Message;
import dev.weft.vault.Reasons;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Keeps one {@link SessionProtocol} connected, reconnecting with backoff; runs on the sync thread. */
final class SessionRunner implements EditingSession {
    /** How long a session waits for a global upload of another site's ops before it tries again. */
    private static final long DEFERRED_RETRY_MS = 300;
    /** The close code of a session whose write the server could not store for lack of space. */
    static final int TRY_AGAIN_LATER = 1013;

    private final UUID document;
    private final Vault vault;
    private final SessionListener listener;
    private final SyncClient.Wiring wiring;
    private final Backoff backoff;
    private volatile boolean closing;
    /** Where the editor last put this device's caret (sync thread); shown again whenever the session goes live. */
    private Pid cursor;
    private boolean cursorMoved;
    private WireConnection connection;
    private SessionProtocol protocol;
    private ScheduledFuture<?> retry;
    private volatile boolean live;
    private boolean closed;
    /** The server said it cannot send this note (its stored name breaks the rule): told the user once. */
    private boolean toldUnsendable;
    /** Counts connection attempts, so the close of a connection we already left starts nothing. */
    private int attempt;

    SessionRunner(UUID document, Vault vault, SessionListener listener, SyncClient.Wiring wiring, Backoff backoff) {
        this.document = document;
        this.vault = vault;
        this.listener = listener;
        this.wiring = wiring;
        this.backoff = backoff;
    }

    /** Closed by the editor: the sync thread may not have run the close yet, but it is not to be handed out again. */
    boolean isClosing() {
        return closing;
    }

    @Override
    public UUID document() {
        return document;
    }

    @Override
    public boolean isLive() {
        return live;
    }

    @Override
    public void moveCursor(Pid afterOrNull) {
        wiring.execute(() -> {
            cursor = afterOrNull;
            cursorMoved = true;
            if (protocol != null && protocol.isLive()) {
                protocol.moveCursor(afterOrNull);
            }
        });
    }

    @Override
    public void close() {
        closing = true;
        wiring.execute(() -> {
            closed = true;
            if (retry != null) {
                retry.cancel(false);
            }
            disconnect();
            wiring.sessionClosed(this);
        });
    }

    /** On the sync thread. */
    void connect() {
        retry = null;
        if (closed || connection != null || !vault.device().isPaired()) {
            return;
        }
        if (vault.syncTime(document) == 0) {
            // never sent: a session would make the server create it as "Untitled" and the upload's
            // name would lose to that (docs/client.md, "A session on a new note"); it goes up first
            wiring.uploadFirst(document);
            scheduleRetry(DEFERRED_RETRY_MS);
            return;
        }
        int thisAttempt = ++attempt;
        boolean[] gone = new boolean[1];
        wiring.open(new WireConnection.Handler() {
            @Override
            public void received(List<Message> messages) {
                if (thisAttempt == attempt) {
                    SessionRunner.this.received(messages);
                }
            }

            @Override
            public void closed(int code, String reason, Throwable error) {
                gone[0] = true;
                if (code == TRY_AGAIN_LATER) {
                    wiring.sessionRefusedForSpace(); // the only 1013 the server sends (protocol.md §4)
                }
                if (thisAttempt == attempt && connection != null) {
                    lost();
                }
            }
        }).whenComplete((opened, error) -> wiring.execute(() -> {
            if (error != null || (gone[0] && !closed)) {
                if (thisAttempt == attempt) {
                    scheduleRetry(backoff.next().toMillis());
                }
            } else if (closed || thisAttempt != attempt) {
                opened.close();
            } else {
                connection = opened;
                protocol = new SessionProtocol(document, vault, opened::send, listener);
                try {
                    protocol.start();
                } catch (IOException e) {
                    wiring.problem("the note could not be read: " + Reasons.of(e));
                    lost();
                }
            }
        }));
    }

    /** Local edits of the note, on the sync thread: sent at once when live. */
    void localWork() {
        if (protocol != null && live) {
            try {
                protocol.localWork();
            } catch (IOException e) {
                wiring.problem("the note could not be read: " + Reasons.of(e));
                lost();
            }
        }
    }

    private void received(List<Message> messages) {
        if (protocol == null) {
            return;
        }
        try {
            protocol.received(messages);
        } catch (ProtocolViolation e) {
            wiring.problem("the server broke the session protocol: " + Reasons.of(e));
            lost();
            return;
        } catch (IOException e) {
            wiring.problem("the note could not be written: " + Reasons.of(e));
            lost();
            return;
        }
        if (protocol.unsendable().isPresent()) {
            // the server's stored name breaks the rule: said once; this device's upload renames it
            if (!toldUnsendable) {
                toldUnsendable = true;
                vault.setAside(document, protocol.unsendable().get());
            }
            disconnect();
            wiring.uploadFirst(document);
            scheduleRetry(backoff.next().toMillis());
        } else if (protocol.deferred()) {
            disconnect();
            wiring.uploadFirst(document);
            scheduleRetry(DEFERRED_RETRY_MS);
        } else if (protocol.isLive() && !live) {
            live = true;
            backoff.reset();
            if (cursorMoved) { // moved before the session was live, or before a reconnect: show it now
                protocol.moveCursor(cursor);
            }
        }
        wiring.sessionProgress();
    }

    private void lost() {
        disconnect();
        scheduleRetry(backoff.next().toMillis());
    }

    private void disconnect() {
        attempt++;
        if (live) {
            live = false;
            listener.live(false);
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        protocol = null;
    }

    private void scheduleRetry(long millis) {
        if (!closed && retry == null) {
            retry = wiring.schedule(this::connect, millis, TimeUnit.MILLISECONDS);
        }
    }
}
