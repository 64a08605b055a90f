package dev.weft.ui.links;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Keeps a vault's links leading where they did after a file moved: the rewrite of
 * {@link LinkRewrite} made in every note as ordinary edits through its replica (so they reach the
 * record log and sync like typing). Call it after the move, on a thread that may block (not the
 * event thread).
 */
public final class VaultLinks {
    /** How many links changed, in which notes. */
    public record Changes(int links, List<UUID> notes) {
        /** "3 links in 2 notes updated", or null if none. */
        public String sentence() {
            return links == 0 ? null : links + (links == 1 ? " link" : " links") + " in " + notes.size()
                    + (notes.size() == 1 ? " note" : " notes") + " updated";
        }
    }

    /**
     * The note open in an editor, whose edits must go through the editor so that they undo there
     * like typing.
     */
    public interface Editor {
        /**
         * Makes note {@code id}'s text {@code change} of it, in the editor; false if that note is
         * not open there (then the replica is edited directly).
         */
        boolean edit(UUID id, UnaryOperator<String> change) throws IOException;
    }

    private VaultLinks() {
    }

    /**
     * After the file at vault path {@code from} moved to {@code to} (a note's {@code Work/Plan.md},
     * an attachment's {@code image.png} → {@code attachments/image.png}), rewrites every link to
     * it in every note. {@code files} are the vault's other files links may reach, as they are
     * after the move (attachments; notes come from the vault).
     */
    public static Changes afterMove(Vault vault, String from, String to, Collection<String> files) throws IOException {
        return afterMove(vault, from, to, files, null, (id, change) -> false);
    }

    /**
     * {@link #afterMove(Vault, String, String, Collection)} on the notes of {@code candidates} only
     * (null: all), those whose links may change ({@link LinkIndex#mayLinkTo}), with the open note's
     * edits through {@code editor}.
     */
    public static Changes afterMove(Vault vault, String from, String to, Collection<String> files,
            Collection<UUID> candidates, Editor editor) throws IOException {
        List<NoteInfo> notes = vault.notes().stream().filter(n -> !n.trashed()).toList();
        List<String> after = new ArrayList<>(files);
        notes.forEach(n -> after.add(LinkTargets.notePath(n.name())));
        List<String> before = new ArrayList<>(after.size());
        for (String path : after) {
            before.add(path.equalsIgnoreCase(to) ? from : path);
        }
        LinkTargets targetsBefore = new LinkTargets(before);
        LinkTargets targetsAfter = new LinkTargets(after);
        Set<UUID> only = candidates == null ? null : new HashSet<>(candidates);
        int links = 0;
        List<UUID> changed = new ArrayList<>();
        for (NoteInfo note : notes) {
            String noteAfter = LinkTargets.notePath(note.name());
            if (only != null && !only.contains(note.id()) && !noteAfter.equalsIgnoreCase(to)) {
                continue;
            }
            String noteBefore = noteAfter.equalsIgnoreCase(to) ? from : noteAfter;
            int[] count = {0};
            UnaryOperator<String> change = text -> {
                List<LinkRewrite.Edit> edits = LinkRewrite.afterMove(text, noteBefore, noteAfter, from, to,
                        targetsBefore, targetsAfter);
                count[0] = edits.size();
                return edits.isEmpty() ? text : LinkRewrite.apply(text, edits);
            };
            try {
                if (!editor.edit(note.id(), change)) {
                    vault.withReplica(note.id(), replica -> {
                        edit(replica, noteBefore, noteAfter, from, to, targetsBefore, targetsAfter, count);
                        return null;
                    });
                }
            } catch (NoSuchElementException e) {
                continue; // removed meanwhile
            }
            links += count[0];
            if (count[0] > 0) {
                changed.add(note.id());
            }
        }
        return new Changes(links, changed);
    }

    /** The edits made in the replica, under its lock, each only where the target as written differs. */
    private static void edit(NoteReplica replica, String noteBefore, String noteAfter, String from, String to,
            LinkTargets before, LinkTargets after, int[] count) throws IOException {
        synchronized (replica) {
            String text = replica.text();
            List<LinkRewrite.Edit> edits = LinkRewrite.afterMove(text, noteBefore, noteAfter, from, to, before, after);
            count[0] = edits.size();
            for (int i = edits.size() - 1; i >= 0; i--) { // from the end: earlier offsets stay true
                LinkRewrite.Edit edit = edits.get(i);
                String old = text.substring(edit.start(), edit.end());
                int prefix = common(old, edit.text(), false);
                int suffix = Math.min(common(old, edit.text(), true), Math.min(old.length(), edit.text().length()) - prefix);
                int start = edit.start() + prefix;
                int removed = old.length() - prefix - suffix;
                if (removed > 0) {
                    replica.deleteUtf16(start, removed);
                }
                String inserted = edit.text().substring(prefix, edit.text().length() - suffix);
                if (!inserted.isEmpty()) {
                    replica.insertUtf16(start, inserted);
                }
            }
        }
    }

    /** The length of the common start (or end) of two strings, never splitting a surrogate pair. */
    static int common(String a, String b, boolean fromEnd) {
        int n = 0;
        int max = Math.min(a.length(), b.length());
        while (n < max && (fromEnd ? a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n) : a.charAt(n) == b.charAt(n))) {
            n++;
        }
        while (n > 0 && n < max && (fromEnd ? Character.isLowSurrogate(a.charAt(a.length() - n))
                : Character.isHighSurrogate(a.charAt(n - 1)))) {
            n--;
        }
        return n;
    }
}
