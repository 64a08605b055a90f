package dev.weft.ui;

import dev.weft.client.NoteHistory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A note's history held in memory, made by hand (the server's is issue 16 §3's other half): each
 * version with its text and authors. {@link #reachable} false answers as a device with no server does.
 */
final class FakeNoteHistory implements NoteHistory {
    private final String note;
    private final List<HistoryVersion> versions = new ArrayList<>();
    private final List<VersionText> texts = new ArrayList<>();
    volatile boolean reachable = true;

    FakeNoteHistory(String note) {
        this.note = note;
    }

    /** Adds the next version: its time span, devices and text, written by {@code authors}. */
    FakeNoteHistory version(String from, String to, List<String> devices, int inserted, int deleted, String text,
            AuthorSpan... authors) {
        versions.add(new HistoryVersion(versions.size() + 1, Instant.parse(from), Instant.parse(to), devices,
                inserted, deleted));
        texts.add(new VersionText(text, List.of(authors)));
        return this;
    }

    @Override
    public List<HistoryVersion> versions(String name) throws IOException {
        reach(name);
        return List.copyOf(versions);
    }

    @Override
    public VersionText textAt(String name, Instant at) throws IOException {
        reach(name);
        VersionText text = new VersionText("", List.of());
        for (int i = 0; i < versions.size() && !versions.get(i).to().isAfter(at); i++) {
            text = texts.get(i);
        }
        return text;
    }

    private void reach(String name) throws IOException {
        if (!reachable) {
            throw new IOException("not connected");
        }
        if (!name.equals(note)) {
            throw new IllegalArgumentException("no history of " + name);
        }
    }
}
