package dev.weft.vault;

/**
 * One change to a note's text as an editor counts it: at UTF-16 {@code offset}, {@code removedLength}
 * units were removed and {@code inserted} was inserted in their place.
 */
public record TextChange(int offset, int removedLength, String inserted) {
    public TextChange {
        if (offset < 0 || removedLength < 0) {
            throw new IllegalArgumentException("offset " + offset + ", removed " + removedLength);
        }
        if (inserted == null) {
            throw new IllegalArgumentException("inserted is null");
        }
    }

    static TextChange insertion(int offset, CharSequence text) {
        return new TextChange(offset, 0, text.toString());
    }

    static TextChange removal(int offset, int length) {
        return new TextChange(offset, length, "");
    }
}
