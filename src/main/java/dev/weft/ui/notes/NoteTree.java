package dev.weft.ui.notes;

import dev.weft.vault.NoteInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.tree.DefaultMutableTreeNode;

/**
 * The folder tree of the notes not in the trash: a name {@code a/b/c} is note {@code c} in folder
 * {@code b} in folder {@code a}. Folders before notes, each sorted ignoring case. A filter keeps the
 * notes whose name path contains it (ignoring case) and the folders that lead to them.
 */
public final class NoteTree {
    private static final Comparator<DefaultMutableTreeNode> ORDER = Comparator
            .comparing((DefaultMutableTreeNode n) -> !(n.getUserObject() instanceof TreeItem.Folder))
            .thenComparing(n -> n.getUserObject().toString(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(n -> n.getUserObject().toString());

    private NoteTree() {
    }

    public static DefaultMutableTreeNode build(List<NoteInfo> notes, String filter) {
        return build(notes, List.of(), filter);
    }

    /** As {@link #build(List, String)}, with the vault's attachments ({@code files}: vault-relative paths) among the notes. */
    public static DefaultMutableTreeNode build(List<NoteInfo> notes, List<String> files, String filter) {
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        DefaultMutableTreeNode root = new DefaultMutableTreeNode(new TreeItem.Folder("", "Notes"));
        Map<String, DefaultMutableTreeNode> folders = new HashMap<>();
        folders.put("", root);
        for (NoteInfo note : notes) {
            if (note.trashed() || !note.name().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            int slash = note.name().lastIndexOf('/');
            DefaultMutableTreeNode parent = folder(folders, slash < 0 ? "" : note.name().substring(0, slash));
            parent.add(new DefaultMutableTreeNode(new TreeItem.Note(note, note.name().substring(slash + 1)), false));
        }
        for (String file : files) {
            if (!file.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            int slash = file.lastIndexOf('/');
            DefaultMutableTreeNode parent = folder(folders, slash < 0 ? "" : file.substring(0, slash));
            parent.add(new DefaultMutableTreeNode(new TreeItem.Attachment(file, file.substring(slash + 1)), false));
        }
        sort(root);
        return root;
    }

    private static DefaultMutableTreeNode folder(Map<String, DefaultMutableTreeNode> folders, String path) {
        DefaultMutableTreeNode node = folders.get(path);
        if (node == null) {
            int slash = path.lastIndexOf('/');
            DefaultMutableTreeNode parent = folder(folders, slash < 0 ? "" : path.substring(0, slash));
            node = new DefaultMutableTreeNode(new TreeItem.Folder(path, path.substring(slash + 1)));
            parent.add(node);
            folders.put(path, node);
        }
        return node;
    }

    private static void sort(DefaultMutableTreeNode node) {
        if (node.getChildCount() == 0) {
            return;
        }
        List<DefaultMutableTreeNode> children = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            children.add((DefaultMutableTreeNode) node.getChildAt(i));
        }
        children.sort(ORDER);
        node.removeAllChildren();
        for (DefaultMutableTreeNode child : children) {
            node.add(child);
            sort(child);
        }
    }
}
