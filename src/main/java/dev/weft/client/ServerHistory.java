package dev.weft.client;

import dev.weft.protocol.HistoryList;
import dev.weft.protocol.HistoryPull;
import dev.weft.protocol.HistoryText;
import dev.weft.protocol.HistoryTextPart;
import dev.weft.protocol.HistoryTextParts;
import dev.weft.protocol.HistoryVersions;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.SyncError;
import dev.weft.vault.DeviceState;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link NoteHistory} as the server keeps it (docs/protocol.md §10): each question is one request
 * on a connection of its own to the vault's server, answered by one message; the note is found in
 * the vault by its name. Safe to call from any thread but the client's own; each call blocks.
 */
public final class ServerHistory implements NoteHistory {
    /** How long a question may take, connection included. */
    static final long TIMEOUT_SECONDS = 60;

    private final Vault vault;
    private final MessageCodec codec = new MessageCodec();
    private final WireStats wire = new WireStats();

    public ServerHistory(Vault vault) {
        this.vault = vault;
    }

    @Override
    public List<HistoryVersion> versions(String note) throws IOException {
        return versions(idOf(note));
    }

    List<HistoryVersion> versions(UUID note) throws IOException {
        HistoryVersions answer = (HistoryVersions) ask(new HistoryList(note));
        List<HistoryVersion> versions = new ArrayList<>();
        for (HistoryVersions.Version v : answer.versions()) {
            versions.add(new HistoryVersion(versions.size() + 1, instant(v.from()), instant(v.to()), v.devices(),
                    v.inserted(), v.deleted()));
        }
        return versions;
    }

    @Override
    public VersionText textAt(String note, Instant at) throws IOException {
        return textAt(idOf(note), at);
    }

    VersionText textAt(UUID note, Instant at) throws IOException {
        HistoryText answer = (HistoryText) ask(new HistoryPull(note, micros(at)));
        String text = answer.text();
        List<AuthorSpan> spans = new ArrayList<>();
        int start = 0;
        for (HistoryText.Author author : answer.authors()) {
            int end = text.offsetByCodePoints(start, author.codePoints());
            spans.add(new AuthorSpan(start, end, author.device()));
            start = end;
        }
        return new VersionText(text, spans);
    }

    /** A sync time (µs since the epoch) as an instant. */
    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** An instant as the sync time it is or the last before it; before the epoch: 0. */
    static long micros(Instant at) {
        if (at.isBefore(Instant.EPOCH)) {
            return 0;
        }
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The note of this name (a trailing {@code .md} is ignored), out of the trash first. */
    UUID idOf(String note) throws IOException {
        String name = note.toLowerCase(Locale.ROOT).endsWith(".md") ? note.substring(0, note.length() - 3) : note;
        return vault.notes().stream().filter(n -> n.name().equals(name))
                .min(Comparator.comparing(NoteInfo::trashed)).map(NoteInfo::id)
                .orElseThrow(() -> new NoSuchNoteException("no note '" + name + "' in " + vault.folder()));
    }

    /** The note named is not in the vault. */
    public static final class NoSuchNoteException extends IOException {
        NoSuchNoteException(String message) {
            super(message);
        }
    }

    /** The server could not be asked, or refused: its reason is the message. */
    public static final class ServerUnavailableException extends IOException {
        ServerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Message ask(Message request) throws IOException {
        DeviceState device = vault.device();
        if (!device.isPaired()) {
            throw new ServerUnavailableException("this vault is not paired with a server: the history is kept there", null);
        }
        ServerAddress server = ServerAddress.of(device);
        String where = "the server at " + server.host() + ":" + server.port();
        CompletableFuture<Message> answer = new CompletableFuture<>();
        HistoryTextParts.Joiner parts = new HistoryTextParts.Joiner();
        WireConnection.Handler handler = new WireConnection.Handler() {
            @Override
            public void received(List<Message> messages) {
                for (Message m : messages) {
                    if (m instanceof HistoryText || m instanceof HistoryTextPart) {
                        try {
                            parts.add(m).ifPresent(answer::complete); // a big text comes in parts
                        } catch (IllegalArgumentException e) {
                            answer.completeExceptionally(new IOException(where + " sent a broken history text: "
                                    + e.getMessage()));
                        }
                    } else if (m instanceof HistoryVersions || m instanceof SyncError) {
                        answer.complete(m); // anything else is news of other notes (a pushed 32)
                    }
                }
            }

            @Override
            public void closed(int code, String reason, Throwable error) {
                answer.completeExceptionally(new IOException(code == ProtocolException.PROTOCOL_ERROR
                        ? where + " keeps no history (it is older than this Weft)"
                        : where + " closed the connection: " + (error != null ? error.getMessage() : code + " " + reason)));
            }
        };
        CompletableFuture<WireConnection> opening = WireConnection.open(HttpClients.tls(server), server,
                device.deviceToken(), vault.instanceId(), codec, Runnable::run, handler, wire);
        WireConnection connection = null;
        try {
            connection = opening.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            connection.send(List.of(request));
            Message m = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (m instanceof SyncError e) {
                throw new IOException(e.code() == 404 ? "the server does not have this note (not synced yet, or deleted forever)"
                        : "the server refused: " + e.message());
            }
            return m;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io && opening.isDone() && !opening.isCompletedExceptionally()) {
                throw io;
            }
            throw new ServerUnavailableException(ConnectFailures.describe(server, cause), cause);
        } catch (TimeoutException e) {
            throw new ServerUnavailableException(where + " did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (connection != null) {
                connection.close();
            } else {
                opening.thenAccept(WireConnection::abort);
            }
        }
    }
}
