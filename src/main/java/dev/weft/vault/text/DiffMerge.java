package dev.weft.vault.text;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import java.util.List;

/**
 * Merges a text that another program wrote (an {@code .md} changed behind Weft's back) into a
 * replica as ordinary local edits: the {@link TextDiff} between the replica's text and the new one,
 * applied as deletes and inserts whose ops go to a sink (the record log), never as a replacement
 * of the whole text. Concurrent edits from other devices then merge with it like any typing.
 */
public final class DiffMerge {
    private DiffMerge() {
    }

    /**
     * Edits {@code doc} so that its text equals {@code newText}, reporting every op to {@code sink}
     * in the order made; nothing at all if the texts are equal already. Each edit deletes first,
     * then inserts at the same place.
     *
     * @return the edits applied, in UTF-16 offsets as {@link TextDiff#diff} gives them (an editor
     *     showing the old text can apply the same ones)
     * @throws IllegalArgumentException if {@code newText} holds an unpaired surrogate, which no
     *     atom can hold; {@code doc} is left untouched then
     */
    public static List<TextDiff.Edit> apply(SequenceDoc doc, String newText, OpSink sink) {
        requireScalarValues(newText);
        List<TextDiff.Edit> edits = TextDiff.diff(doc.text(), newText);
        for (TextDiff.Edit e : edits) {
            if (e.deleteLength() > 0) {
                doc.deleteUtf16(e.offset(), e.deleteLength(), sink);
            }
            if (!e.insert().isEmpty()) {
                doc.insertUtf16(e.offset(), e.insert(), sink);
            }
        }
        if (doc.utf16Length() != newText.length()) {
            throw new IllegalStateException("diff left " + doc.utf16Length() + " UTF-16 units, expected " + newText.length());
        }
        return edits;
    }

    private static void requireScalarValues(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at UTF-16 offset " + i);
            }
        }
    }
}
