package dev.weft.vault;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What the vault knows of one note, guarded by the vault's state lock: the index's fields, where its
 * {@code .md} is, and what that file held when Weft last wrote or read it (the base of a
 * three-way merge when another program edits it).
 */
final class NoteState {
    final UUID id;
    String name;
    boolean trashed;
    /** A trash ({@code TRUE}) or restore ({@code FALSE}) made here and not yet acknowledged. */
    Boolean pendingTrash;
    /** The log may hold unacknowledged ops: a false positive costs a look, a false negative loses work. */
    boolean hasPending;
    long syncTime;
    /**
     * The server time as of which the server last gave the note the name it has here (in memory:
     * every answer after a restart was read after every answer before it).
     */
    long nameAsOf;
    long logSize;
    /** Where the note's {@code .md} is or is about to be written; null when it has none (trashed). */
    Path file;
    /** {@link #file} held the note's text once: if it vanishes now, the user deleted it. */
    boolean fileWritten;
    /**
     * The log moved on after the index was written (a crash, or a full disk that kept the index):
     * the file may lack text the replica has, a write that never happened.
     */
    boolean fileMayLag;
    /**
     * {@code .weft/damaged/} marks the note ({@link DamagedLogs}): its log lost records, so its file
     * holds text the replica lacks and is not written until merged in.
     */
    boolean logDamaged;
    /** A rename waits for another note's file to leave the target path. */
    boolean deferred;
    /** {@link FileStamp}: the file's size and times when Weft last knew what it held; -1 when unknown. */
    long fileSize = -1;
    long fileMtime = -1;
    long fileChange = -1;
    /** SHA-256 of the text the file had when Weft last wrote or read it. */
    String baseHash;
    /** That text, kept while the replica is open (else it is the replica text or the base copy). */
    String baseText;
    /** {@code .weft/base/ID.md} holds the base: the replica moved on since the file was written. */
    boolean baseSaved;
    /** Counts changes of the text, so a finished write knows whether the file caught up. */
    long version;
    long writingVersion;
    /** The text being written now (the watcher must not take it for another program's edit). */
    String writingText;
    /** The text to write for a note whose replica is closed. */
    String closedText;

    NoteState(UUID id) {
        this.id = id;
    }

    FileStamp stamp() {
        return new FileStamp(fileSize, fileMtime, fileChange);
    }

    void stamp(FileStamp stamp) {
        fileSize = stamp.size();
        fileMtime = stamp.mtime();
        fileChange = stamp.change();
    }

    NoteInfo info() {
        return new NoteInfo(id, name, trashed);
    }

    IndexFile.Entry entry(String fileName, boolean pending, long time, long size) {
        return new IndexFile.Entry(id, name, trashed, pendingTrash, pending, time, size, fileName, fileWritten,
                fileSize, fileMtime, fileChange, baseHash);
    }

    static NoteState of(IndexFile.Entry e) {
        NoteState n = new NoteState(e.id());
        n.name = e.name();
        n.trashed = e.trashed();
        n.pendingTrash = e.pendingTrash();
        n.hasPending = e.hasPending();
        n.syncTime = e.syncTime();
        n.logSize = e.logSize();
        n.fileWritten = e.fileWritten();
        n.fileSize = e.fileSize();
        n.fileMtime = e.fileMtime();
        n.fileChange = e.fileChange();
        n.baseHash = e.baseHash();
        return n;
    }
}
