/**
 * Links between notes, as Obsidian writes them: {@code [[Note]]}, {@code [[Folder/Note|label]]},
 * {@code [[Note#Heading]]}, {@code ![[embed]]} and relative Markdown links {@code [x](Folder/Note.md)}.
 *
 * <p>The model is pure ({@link LinkParser}, {@link LinkTargets}, {@link LinkRewrite}, {@link LinkIndex});
 * {@link VaultLinks} applies a rewrite to a vault's notes as ordinary edits, and the rest wires links
 * into the window (backlinks, clicks, completion).
 */
package dev.weft.ui.links;
