package dev.weft.ui;

import dev.weft.ui.notes.NoteTree;
import dev.weft.ui.notes.TreeItem;
import dev.weft.ui.text.EmojiTreeCellRenderer;
import dev.weft.vault.NoteInfo;
import java.awt.BorderLayout;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;

/**
 * The note tree with its filter field: typing filters at once; choosing a note opens it. Keeps
 * folders open or closed and the open note selected when the list changes. Event thread only.
 */
final class NoteList {
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JTextField filter = new JTextField();
    private final JTree tree = new JTree(new DefaultTreeModel(new DefaultMutableTreeNode()));
    private final Consumer<UUID> open;
    private List<NoteInfo> notes = List.of();
    private List<String> files = List.of();
    private UUID selected;
    private boolean refreshing;

    NoteList(Consumer<UUID> open) {
        this.open = open;
        filter.setName("notes.filter");
        filter.putClientProperty("JTextField.placeholderText", "Filter notes");
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        filter.registerKeyboardAction(e -> tree.requestFocusInWindow(), KeyStroke.getKeyStroke("DOWN"),
                JTextField.WHEN_FOCUSED);
        filter.addActionListener(e -> firstNote().ifPresent(open));
        tree.setName("notes.tree");
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.setCellRenderer(new EmojiTreeCellRenderer());
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.addTreeSelectionListener(e -> {
            if (!refreshing && item() instanceof TreeItem.Note note) {
                selected = note.note().id();
                open.accept(selected);
            }
        });
        JScrollPane scroll = new JScrollPane(tree);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        JPanel top = new JPanel(new BorderLayout());
        top.setBorder(BorderFactory.createEmptyBorder(8, 8, 6, 8));
        top.add(filter);
        panel.add(top, BorderLayout.NORTH);
        panel.add(scroll, BorderLayout.CENTER);
    }

    JPanel component() {
        return panel;
    }

    JTextField filterField() {
        return filter;
    }

    JTree tree() {
        return tree;
    }

    /** The folder or note chosen in the tree, if any. */
    TreeItem item() {
        TreePath path = tree.getSelectionPath();
        return path == null ? null
                : (TreeItem) ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
    }

    void show(List<NoteInfo> all) {
        notes = all;
        rebuild();
    }

    /** Lists the vault's attachments among the notes (none: notes only). */
    void showFiles(List<String> all) {
        if (!all.equals(files)) {
            files = all;
            rebuild();
        }
    }

    /** Marks the open note in the tree (without opening it again). */
    void select(UUID id) {
        selected = id;
        refreshing = true;
        try {
            find(id).ifPresentOrElse(path -> {
                tree.setSelectionPath(path);
                tree.scrollPathToVisible(path);
            }, tree::clearSelection);
        } finally {
            refreshing = false;
        }
    }

    private void rebuild() {
        Set<String> expanded = expandedFolders();
        boolean filtering = !filter.getText().isBlank();
        refreshing = true;
        try {
            DefaultMutableTreeNode root = NoteTree.build(notes, files, filter.getText());
            ((DefaultTreeModel) tree.getModel()).setRoot(root);
            Enumeration<javax.swing.tree.TreeNode> all = root.depthFirstEnumeration();
            while (all.hasMoreElements()) {
                DefaultMutableTreeNode node = (DefaultMutableTreeNode) all.nextElement();
                if (node.getUserObject() instanceof TreeItem.Folder folder && node != root
                        && (filtering || expanded.contains(folder.path()))) {
                    tree.expandPath(new TreePath(node.getPath()));
                }
            }
        } finally {
            refreshing = false;
        }
        if (selected != null) {
            select(selected);
        }
    }

    private Set<String> expandedFolders() {
        Set<String> paths = new HashSet<>();
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
        Enumeration<TreePath> open = tree.getExpandedDescendants(new TreePath(root));
        while (open != null && open.hasMoreElements()) {
            Object item = ((DefaultMutableTreeNode) open.nextElement().getLastPathComponent()).getUserObject();
            if (item instanceof TreeItem.Folder folder) {
                paths.add(folder.path());
            }
        }
        return paths;
    }

    private Optional<TreePath> find(UUID id) {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
        Enumeration<javax.swing.tree.TreeNode> all = root.depthFirstEnumeration();
        while (all.hasMoreElements()) {
            DefaultMutableTreeNode node = (DefaultMutableTreeNode) all.nextElement();
            if (node.getUserObject() instanceof TreeItem.Note note && note.note().id().equals(id)) {
                return Optional.of(new TreePath(node.getPath()));
            }
        }
        return Optional.empty();
    }

    private Optional<UUID> firstNote() {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
        Enumeration<javax.swing.tree.TreeNode> all = root.preorderEnumeration();
        while (all.hasMoreElements()) {
            if (((DefaultMutableTreeNode) all.nextElement()).getUserObject() instanceof TreeItem.Note note) {
                return Optional.of(note.note().id());
            }
        }
        return Optional.empty();
    }
}
