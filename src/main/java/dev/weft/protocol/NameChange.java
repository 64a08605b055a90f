package dev.weft.protocol;

/**
 * {@code 67 name_change}: the document of the session has (or asks for) a new name.
 *
 * @param name the note name, valid per {@link NoteNames}
 */
public record NameChange(String name) implements Message {
    public static final int TYPE = 67;

    public NameChange {
        NoteNames.requireValid(name);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
