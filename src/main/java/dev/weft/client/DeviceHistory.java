package dev.weft.client;

import dev.weft.vault.Vault;
import dev.weft.vault.VaultPaths;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link NoteHistory} that works offline for what this device holds (issue 16 §3): each answer
 * the server gives is kept ({@link HistoryCache}); when the server cannot be reached, the versions
 * as last fetched and the texts fetched before are answered from there, with a line saying so, and
 * anything else says it needs the server. A text as of a time is the same whatever time it is
 * fetched (sync times are the server's, never reused), so a held text is exact; a list of versions
 * is exact up to when it was fetched.
 */
public final class DeviceHistory implements NoteHistory {
    private final ServerHistory server;
    private final HistoryCache cache;

    public DeviceHistory(Vault vault) {
        this.server = new ServerHistory(vault);
        this.cache = new HistoryCache(vault.folder().resolve(VaultPaths.WEFT_DIR));
    }

    /**
     * An answer and, when it came from this device because the server could not be reached, one
     * line that says so and what needs the server.
     */
    public record Answer<T>(T value, Optional<String> offline) {
    }

    @Override
    public List<HistoryVersion> versions(String note) throws IOException {
        return versionsHeld(note).value();
    }

    @Override
    public VersionText textAt(String note, Instant at) throws IOException {
        return textHeld(note, at).value();
    }

    /** The note's versions from the server, or as this device last fetched them. */
    public Answer<List<HistoryVersion>> versionsHeld(String note) throws IOException {
        UUID id = server.idOf(note);
        Instant now = Instant.now();
        try {
            List<HistoryVersion> versions = server.versions(id);
            cache.keepVersions(id, now, versions);
            return new Answer<>(versions, Optional.empty());
        } catch (ServerHistory.ServerUnavailableException e) {
            Optional<HistoryCache.Held> held = cache.read(id);
            if (held.isEmpty() || held.get().fetchedAt().equals(Instant.EPOCH)) {
                throw e;
            }
            return new Answer<>(held.get().versions(), Optional.of("offline (" + e.getMessage() + "): the versions as this"
                    + " device fetched them at " + held.get().fetchedAt().truncatedTo(ChronoUnit.SECONDS)
                    + "; newer ones need the server"));
        }
    }

    /** The note's text as of {@code at} from the server, or as this device fetched it before. */
    public Answer<VersionText> textHeld(String note, Instant at) throws IOException {
        UUID id = server.idOf(note);
        Instant key = ServerHistory.instant(ServerHistory.micros(at)); // the server answers to the µs
        try {
            VersionText text = server.textAt(id, key);
            cache.keepText(id, key, text);
            return new Answer<>(text, Optional.empty());
        } catch (ServerHistory.ServerUnavailableException e) {
            Optional<HistoryCache.Held> held = cache.read(id);
            Optional<VersionText> text = held.flatMap(h -> sameText(h, key));
            if (text.isEmpty()) {
                throw new ServerHistory.ServerUnavailableException(e.getMessage()
                        + " (this device holds no copy of the text as of " + key.truncatedTo(ChronoUnit.SECONDS)
                        + ": it needs the server)", e);
            }
            return new Answer<>(text.get(), Optional.of("offline (" + e.getMessage() + "): the text as this device"
                    + " fetched it before"));
        }
    }

    /**
     * A held text equal to the text as of {@code at}: one fetched as of {@code at}, or as of a time
     * in the same stretch without changes (from one version's end to the next one's start, as the
     * versions held list them).
     */
    static Optional<VersionText> sameText(HistoryCache.Held held, Instant at) {
        VersionText exact = held.texts().get(at);
        if (exact != null) {
            return Optional.of(exact);
        }
        Optional<Instant[]> quiet = quietStretch(held.versions(), at);
        if (quiet.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<Instant, VersionText> e : held.texts().entrySet()) {
            Instant t = e.getKey();
            if (!t.isBefore(quiet.get()[0]) && !t.isAfter(quiet.get()[1])) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * [start, end] of the stretch without changes that holds {@code at}: empty inside a version, and
     * after the last one (changes the server took after the list was fetched are not in it, and the
     * server's clock is not this device's).
     */
    private static Optional<Instant[]> quietStretch(List<HistoryVersion> versions, Instant at) {
        Instant start = Instant.EPOCH;
        for (HistoryVersion v : versions) {
            if (at.isBefore(v.from())) {
                return Optional.of(new Instant[] {start, v.from().minus(1, ChronoUnit.MICROS)});
            }
            if (at.isBefore(v.to())) {
                return Optional.empty();
            }
            start = v.to();
        }
        return Optional.empty();
    }
}
