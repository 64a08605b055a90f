/**
 * The notes as the window lists and finds them: the folder tree made from name paths
 * ({@code a/b/c}), the quick-open match, the search across every note's text (query, folding,
 * matcher), tags and headings parsed from Markdown, word counts, and the in-memory
 * {@link dev.weft.ui.notes.NoteIndex} the search and the Tags panel read.
 *
 * <p>No component lives here: the tree is built as plain tree nodes, the search runs on the caller's
 * (background) thread over the index, which reads the notes through the vault on its own thread.
 */
package dev.weft.ui.notes;
