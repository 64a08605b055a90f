package dev.weft.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.NoteInfo;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import org.junit.jupiter.api.Test;

class NoteTreeTest {
    private static NoteInfo note(String name, boolean trashed) {
        return new NoteInfo(UUID.nameUUIDFromBytes(name.getBytes()), name, trashed);
    }

    private static List<String> outline(DefaultMutableTreeNode root) {
        List<String> lines = new ArrayList<>();
        Enumeration<TreeNode> all = root.preorderEnumeration();
        while (all.hasMoreElements()) {
            DefaultMutableTreeNode node = (DefaultMutableTreeNode) all.nextElement();
            if (node != root) {
                lines.add("  ".repeat(node.getLevel() - 1) + node.getUserObject());
            }
        }
        return lines;
    }

    @Test
    void namePathsBecomeFoldersSortedIgnoringCaseFoldersFirst() {
        var root = NoteTree.build(List.of(note("zebra", false), note("b/y", false), note("Apple", false),
                note("a/b/c", false), note("a/B2", false), note("gone", true)), "");
        assertThat(outline(root)).containsExactly("a", "  b", "    c", "  B2", "b", "  y", "Apple", "zebra");
    }

    @Test
    void aFilterKeepsMatchingNotesAndTheFoldersThatLeadToThem() {
        var root = NoteTree.build(List.of(note("Work/Plans", false), note("Work/Notes", false), note("Home", false)), "PLA");
        assertThat(outline(root)).containsExactly("Work", "  Plans");
    }
}
