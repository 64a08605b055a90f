/**
 * The notes as the window lists and finds them: the folder tree made from name paths
 * ({@code a/b/c}), the quick-open match, and the search across every note's text.
 *
 * <p>No component lives here: the tree is built as plain tree nodes, the search runs on the caller's
 * (background) thread and reads the notes through the vault.
 */
package dev.weft.ui.notes;
