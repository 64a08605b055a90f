package dev.weft.protocol;

import dev.weft.crdt.Pid;

/**
 * {@code 71 session_cursor} (extension): a device's caret, just after the atom {@code pidOrNull}.
 *
 * @param site the device's site, 1..255
 * @param pidOrNull the atom the caret follows, or {@code null} for the start of the document
 *     ({@code pid_depth} 0 on the wire)
 */
public record SessionCursor(int site, Pid pidOrNull) implements Message {
    public static final int TYPE = 71;

    public SessionCursor {
        Fields.site(site);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
