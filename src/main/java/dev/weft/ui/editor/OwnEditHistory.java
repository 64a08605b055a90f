package dev.weft.ui.editor;

import dev.weft.crdt.Pid;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * This user's undo and redo stacks. Typing (or erasing) in one place without a pause is one step;
 * a newline, a paste, a replace or a jump elsewhere starts the next. Undoing a step records its
 * inverse as the redo step, and the other way round.
 */
final class OwnEditHistory {
    static final long PAUSE_MILLIS = 1_000;
    static final int MAX_STEPS = 1_000;

    private final Deque<OwnEdit> undo = new ArrayDeque<>();
    private final Deque<OwnEdit> redo = new ArrayDeque<>();
    private final LongSupplier millis;
    /** While a step is undone or redone: its inverse, being recorded. */
    private OwnEdit inverse;
    /** Between {@link #beginStep} and {@link #endStep}: the one step every edit joins. */
    private OwnEdit group;

    OwnEditHistory(LongSupplier millis) {
        this.millis = millis;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /**
     * Records one local edit at {@code start}: the text it removed ({@code null} if none) and the
     * atoms it inserted ({@code insertedText} their text).
     */
    void record(int start, OwnEdit.Removed removed, List<Pid> inserted, String insertedText) {
        if (inverse != null) {
            if (removed != null) {
                inverse.addRemoved(removed);
            }
            inverse.addInserted(inserted);
            return;
        }
        redo.clear();
        if (group != null) {
            if (removed != null) {
                group.addRemoved(removed);
            }
            group.addInserted(inserted);
            return;
        }
        long now = millis.getAsLong();
        OwnEdit.Kind kind = kindOf(removed, inserted, insertedText);
        int stop = start + (removed == null ? 0 : removed.text().length());
        OwnEdit last = undo.peek();
        if (last != null && last.continuedBy(kind, start, stop, now, PAUSE_MILLIS)) {
            if (kind == OwnEdit.Kind.TYPING) {
                last.addInserted(inserted);
                last.extend(start + insertedText.length(), now);
            } else {
                last.joinRemoved(removed, stop == last.end());
                last.extend(start, now);
            }
            return;
        }
        OwnEdit step = new OwnEdit(kind, kind == OwnEdit.Kind.ERASING ? start : start + insertedText.length(), now);
        if (removed != null) {
            step.addRemoved(removed);
        }
        step.addInserted(inserted);
        push(undo, step);
    }

    /** Until {@link #endStep}, the edits recorded make one step (a version restored by many edits). */
    void beginStep() {
        OwnEdit last = undo.peek();
        if (last != null) {
            last.seal();
        }
        group = new OwnEdit(OwnEdit.Kind.OTHER, 0, millis.getAsLong());
    }

    /** Files the step begun by {@link #beginStep}, unless it changed nothing. */
    void endStep() {
        OwnEdit done = group;
        group = null;
        if (done != null && !done.isEmpty()) {
            push(undo, done);
        }
    }

    /** The caret moved to {@code offset}: unless that is where the last step left off, the next edit starts a new one. */
    void caretAt(int offset) {
        OwnEdit last = undo.peek();
        if (last != null && offset != last.end()) {
            last.seal();
        }
    }

    /**
     * Text an undo or redo typed back has new atoms: every step that names the old ones (pids in
     * the same order as {@code now}'s) names the new ones from here on.
     */
    void retyped(List<Pid> old, List<Pid> now) {
        if (old.size() != now.size()) {
            return;
        }
        Map<Pid, Pid> renamed = new HashMap<>();
        for (int i = 0; i < old.size(); i++) {
            renamed.put(old.get(i), now.get(i));
        }
        undo.forEach(step -> step.replacePids(renamed));
        redo.forEach(step -> step.replacePids(renamed));
        inverse.replacePids(renamed);
    }

    /** Takes the step to undo and starts recording its inverse; call {@link #finishUndo} after. */
    OwnEdit startUndo() {
        inverse = new OwnEdit(OwnEdit.Kind.OTHER, 0, 0);
        return undo.pop();
    }

    /** Files the recorded inverse as the next redo step; false if undoing changed nothing. */
    boolean finishUndo() {
        return finish(redo);
    }

    OwnEdit startRedo() {
        inverse = new OwnEdit(OwnEdit.Kind.OTHER, 0, 0);
        return redo.pop();
    }

    boolean finishRedo() {
        return finish(undo);
    }

    private boolean finish(Deque<OwnEdit> into) {
        OwnEdit done = inverse;
        inverse = null;
        if (done.isEmpty()) {
            return false;
        }
        push(into, done);
        return true;
    }

    private static void push(Deque<OwnEdit> stack, OwnEdit step) {
        stack.push(step);
        if (stack.size() > MAX_STEPS) {
            stack.removeLast();
        }
    }

    private static OwnEdit.Kind kindOf(OwnEdit.Removed removed, List<Pid> inserted, String insertedText) {
        if (removed == null && inserted.size() == 1 && !insertedText.equals("\n")) {
            return OwnEdit.Kind.TYPING;
        }
        if (inserted.isEmpty() && removed != null && removed.pids().size() == 1) {
            return OwnEdit.Kind.ERASING;
        }
        return OwnEdit.Kind.OTHER;
    }
}
