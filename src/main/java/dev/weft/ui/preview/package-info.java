/**
 * The rendered preview of a note: Markdown to HTML with commonmark-java and its GFM extensions
 * (tables, strikethrough, task lists, autolinks), styled for Swing's HTML pane in light and dark.
 *
 * <p>Rendering is plain Java and thread-safe (the window renders off the event thread); only
 * {@link dev.weft.ui.preview.PreviewPane} is Swing and lives on the event thread.
 */
package dev.weft.ui.preview;
