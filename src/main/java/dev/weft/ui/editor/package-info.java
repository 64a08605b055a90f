/**
 * The editor ↔ CRDT binding: keeps a Swing text area and a note's {@link dev.weft.vault.NoteReplica}
 * in step both ways. Local typing becomes ops in the record log before the area shows it; remote
 * and external changes reach the area on the EDT in batches, never echoed back, with the user's
 * caret and selection kept on the same text; undo and redo revert only this user's own edits, as
 * new ops; collaborators' carets are drawn in their colours. Imports Swing, RSyntaxTextArea, vault
 * and crdt only.
 */
package dev.weft.ui.editor;
