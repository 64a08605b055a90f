package dev.weft.ui;

import dev.weft.client.NoteHistory;
import dev.weft.client.SyncClient;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the window's History panel gets a note's history: the sync client's, which asks the server;
 * a workspace without sync answers that the server is needed, which the panel says in one line.
 */
final class HistorySource {
    private HistorySource() {
    }

    static Supplier<NoteHistory> of(Workspace workspace) {
        return () -> workspace.sync().map(SyncClient::history).orElse(UNREACHABLE);
    }

    private static final NoteHistory UNREACHABLE = new NoteHistory() {
        @Override
        public List<HistoryVersion> versions(String note) throws IOException {
            throw new IOException("not connected");
        }

        @Override
        public VersionText textAt(String note, Instant at) throws IOException {
            throw new IOException("not connected");
        }
    };
}
