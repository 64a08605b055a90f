package dev.weft.ui.notes;

import dev.weft.vault.NoteInfo;

/** What a node of the note tree holds: a folder, a note or an attachment. {@code toString} is what the tree shows. */
public sealed interface TreeItem {
    /** The name path of the folder or note ({@code a/b} for folder b in a). */
    String path();

    record Folder(String path, String label) implements TreeItem {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A file of the vault that is not a note ({@code path}: vault-relative, with its extension). */
    record Attachment(String path, String label) implements TreeItem {
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
