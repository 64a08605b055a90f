package dev.weft.client;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A note's history as the server keeps it (issue 16 §3): its versions and its text as of any time.
 * Notes are named as the user sees them: the vault-relative path without {@code .md}.
 */
public interface NoteHistory {
    /** The note's versions, oldest first; {@link IOException} when the server is needed and not reachable. */
    List<HistoryVersion> versions(String note) throws IOException;

    /** The note's text as of {@code at}, with who wrote each part of it. */
    VersionText textAt(String note, Instant at) throws IOException;

    /**
     * One version: an editing session (changes with no gap of 5 minutes or more), numbered from 1
     * for the oldest, with the devices that wrote in it and the code points it inserted and deleted.
     */
    record HistoryVersion(int number, Instant from, Instant to, List<String> devices, int inserted, int deleted) {
        public HistoryVersion {
            devices = List.copyOf(devices);
        }
    }

    /** A version's text and its authors: spans in UTF-16 offsets of {@code text}, in order, covering it. */
    record VersionText(String text, List<AuthorSpan> authors) {
        public VersionText {
            authors = List.copyOf(authors);
        }
    }

    /** Characters {@code [start, end)} of a version's text were typed on {@code device}. */
    record AuthorSpan(int start, int end, String device) {
    }
}
