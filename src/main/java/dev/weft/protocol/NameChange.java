package dev.weft.protocol;

/**
 * {@code 67 name_change}: the document of the session has (or asks for) a new name.
 *
 * @param name the note name: 1..1024 bytes of UTF-8 without control characters (the path rules
 *     of {@link NoteNames} are checked by whoever acts on it)
 */
public record NameChange(String name) implements Message {
    public static final int TYPE = 67;

    public NameChange {
        TextRules.requirePlainText(name, 1, NoteNames.MAX_BYTES, "name");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
