/**
 * Text the way a reader sees it: grapheme clusters (what one caret step and one Backspace cover),
 * which of them are emoji, and the bundled monochrome emoji font that draws those in the editor,
 * the note tree and the preview.
 */
package dev.weft.ui.text;
