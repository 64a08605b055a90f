package dev.weft.ui.notes;

import dev.weft.vault.NoteInfo;

/** What a node of the note tree holds: a folder or a note. {@code toString} is what the tree shows. */
public sealed interface TreeItem {
    /** The name path of the folder or note ({@code a/b} for folder b in a). */
    String path();

    record Folder(String path, String label) implements TreeItem {
        @Override
        public String toString() {
            return label;
        }
    }

    record Note(NoteInfo note, String label) implements TreeItem {
        @Override
        public String path() {
            return note.name();
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
