package dev.weft.crdt;

/**
 * One character of a document: a Unicode scalar value at a position identifier.
 *
 * @param pid where the atom sits in the document order
 * @param codePoint the character, a Unicode scalar value (not a surrogate)
 */
public record Atom(Pid pid, int codePoint) {
    public Atom {
        if (pid == null) {
            throw new IllegalArgumentException("pid is null");
        }
        if (!isScalarValue(codePoint)) {
            throw new IllegalArgumentException("not a Unicode scalar value: " + codePoint);
        }
    }

    /** True for code points 0..0x10FFFF outside the surrogate range. */
    public static boolean isScalarValue(int cp) {
        return cp >= 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }
}
