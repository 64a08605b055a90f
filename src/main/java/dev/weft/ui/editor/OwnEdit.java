package dev.weft.ui.editor;

import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One undoable step of this user's own edits, by identity rather than by position: the atoms it
 * inserted and the text it deleted (with the pids it had, which mark where it stood). Undoing it
 * deletes those atoms that are still there and types the deleted text back where it stood, so a
 * collaborator's text is never touched and positions shifted by others do not matter.
 */
final class OwnEdit {
    /** Text this edit removed, contiguous when it was removed. */
    record Removed(List<Pid> pids, String text) {
        Removed {
            pids = List.copyOf(pids);
        }
    }

    enum Kind {
        TYPING, ERASING, OTHER
    }

    private final List<Pid> inserted = new ArrayList<>();
    private final List<Removed> removed = new ArrayList<>();
    private Kind kind;
    private int end;
    private long lastMillis;

    OwnEdit(Kind kind, int end, long millis) {
        this.kind = kind;
        this.end = end;
        this.lastMillis = millis;
    }

    List<Pid> inserted() {
        return inserted;
    }

    List<Removed> removed() {
        return removed;
    }

    boolean isEmpty() {
        return inserted.isEmpty() && removed.isEmpty();
    }

    void addInserted(List<Pid> pids) {
        inserted.addAll(pids);
    }

    void addRemoved(Removed text) {
        removed.add(text);
    }

    /**
     * Joins text erased next to what this step erased into one run, so that undo types it back as
     * one piece: {@code before} for a backspace (the text stood before), else a forward delete.
     */
    void joinRemoved(Removed text, boolean before) {
        if (removed.isEmpty()) {
            removed.add(text);
            return;
        }
        Removed last = removed.remove(removed.size() - 1);
        List<Pid> pids = new ArrayList<>(last.pids().size() + text.pids().size());
        if (before) {
            pids.addAll(text.pids());
            pids.addAll(last.pids());
            removed.add(new Removed(pids, text.text() + last.text()));
        } else {
            pids.addAll(last.pids());
            pids.addAll(text.pids());
            removed.add(new Removed(pids, last.text() + text.text()));
        }
    }

    /** Follows text typed back by an undo or redo: its atoms are new, with new pids. */
    void replacePids(Map<Pid, Pid> now) {
        inserted.replaceAll(pid -> now.getOrDefault(pid, pid));
        removed.replaceAll(r -> new Removed(r.pids().stream().map(pid -> now.getOrDefault(pid, pid)).toList(), r.text()));
    }

    /** The offset where this step's last edit left off. */
    int end() {
        return end;
    }

    /**
     * Whether an edit of {@code next} kind over {@code [start, stop)} continues this step: a run of
     * typing or erasing at the place the last one left off, less than a pause apart.
     */
    boolean continuedBy(Kind next, int start, int stop, long millis, long pauseMillis) {
        if (next != kind || next == Kind.OTHER || millis - lastMillis > pauseMillis) {
            return false;
        }
        return next == Kind.TYPING ? start == end : stop == end || start == end;
    }

    void extend(int newEnd, long millis) {
        this.end = newEnd;
        this.lastMillis = millis;
    }

    /** A step that stands alone from now on (undone and redone steps are never continued). */
    void seal() {
        kind = Kind.OTHER;
    }
}
