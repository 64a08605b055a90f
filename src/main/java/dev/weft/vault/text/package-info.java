/**
 * The vault's {@code .md} files as note text (docs/architecture.md, client and vault; docs/protocol.md §6):
 * reading them strictly as UTF-8 with {@code \n} line ends ({@link dev.weft.vault.text.MarkdownFiles}),
 * writing them atomically and debounced ({@link dev.weft.vault.text.DebouncedWriter}), mapping note
 * names to file paths and scanning a folder for notes ({@link dev.weft.vault.text.NotePaths}), and
 * turning a file that another program changed into ordinary local CRDT edits: a text diff
 * ({@link dev.weft.vault.text.TextDiff}) applied to the replica ({@link dev.weft.vault.text.DiffMerge}), or carried over the replica's newer
 * text when the file was stale ({@link dev.weft.vault.text.ThreeWayMerge}).
 *
 * <p>Owns the text of the {@code .md} files and nothing else: not {@code .weft/}, not the record
 * log, no watching, no network. It imports the JDK, {@code dev.weft.crdt},
 * {@code dev.weft.protocol.NoteNames} (the name rules) and java-diff-utils ({@code com.github.difflib},
 * allowed in {@code vault} only), nothing else.
 */
package dev.weft.vault.text;
