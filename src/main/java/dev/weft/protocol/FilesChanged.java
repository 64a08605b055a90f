package dev.weft.protocol;

/**
 * {@code 42 files_changed} (extension, {@link FileForm}): the server committed a file version at
 * {@code syncTime}; the device asks for the list (docs/protocol.md §11).
 *
 * @param syncTime the commit's sync time (u64, unsigned)
 */
public record FilesChanged(long syncTime) implements Message {
    public static final int TYPE = 42;

    @Override
    public int type() {
        return TYPE;
    }
}
