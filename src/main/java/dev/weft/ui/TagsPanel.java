package dev.weft.ui;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;

/**
 * Every tag of the vault with how many notes carry it, nested tags ({@code #a/b}) under their
 * parents; a click or Enter on a tag searches the notes with it ({@code tag:a/b}). Shows what the
 * {@link dev.weft.ui.notes.NoteIndex} counts; keeps open branches open. Event thread only.
 */
final class TagsPanel {
    /** A row: the tag's full name, its last segment and its count of notes. */
    record Row(String tag, String label, int notes) {
        @Override
        public String toString() {
            return label + "  (" + notes + ")";
        }
    }

    private final JTree tree = new JTree(new DefaultTreeModel(new DefaultMutableTreeNode()));
    private final JScrollPane scroll = new JScrollPane(tree);

    TagsPanel(Consumer<String> search) {
        tree.setName("tags.tree");
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        javax.swing.tree.DefaultTreeCellRenderer plain = new javax.swing.tree.DefaultTreeCellRenderer();
        plain.setLeafIcon(null);
        plain.setOpenIcon(null);
        plain.setClosedIcon(null);
        tree.setCellRenderer(plain); // tags are no files or folders
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                TreePath path = tree.getPathForLocation(e.getX(), e.getY());
                if (path != null) {
                    searchFor(path, search);
                }
            }
        });
        tree.registerKeyboardAction(e -> searchFor(tree.getSelectionPath(), search), KeyStroke.getKeyStroke("ENTER"),
                JComponent.WHEN_FOCUSED);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        show(new java.util.TreeMap<>());
    }

    JComponent component() {
        return scroll;
    }

    JTree tree() {
        return tree;
    }

    /** Shows {@code counts} (each tag and parent tag, sorted), keeping open branches open. */
    void show(SortedMap<String, Integer> counts) {
        Set<String> open = new HashSet<>();
        DefaultMutableTreeNode oldRoot = (DefaultMutableTreeNode) tree.getModel().getRoot();
        Enumeration<TreePath> expanded = tree.getExpandedDescendants(new TreePath(oldRoot));
        while (expanded != null && expanded.hasMoreElements()) {
            if (((DefaultMutableTreeNode) expanded.nextElement().getLastPathComponent()).getUserObject() instanceof Row row) {
                open.add(row.tag());
            }
        }
        DefaultMutableTreeNode root = new DefaultMutableTreeNode();
        Map<String, DefaultMutableTreeNode> nodes = new HashMap<>();
        counts.forEach((tag, notes) -> {
            int slash = tag.lastIndexOf('/');
            DefaultMutableTreeNode parent = slash < 0 ? root : nodes.getOrDefault(tag.substring(0, slash), root);
            DefaultMutableTreeNode node = new DefaultMutableTreeNode(new Row(tag, tag.substring(slash + 1), notes));
            parent.add(node);
            nodes.put(tag, node);
        });
        ((DefaultTreeModel) tree.getModel()).setRoot(root);
        for (String tag : counts.keySet()) {
            if (open.contains(tag)) {
                tree.expandPath(new TreePath(nodes.get(tag).getPath()));
            }
        }
    }

    private static void searchFor(TreePath path, Consumer<String> search) {
        if (path != null && ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject() instanceof Row row) {
            search.accept("tag:" + row.tag());
        }
    }
}
