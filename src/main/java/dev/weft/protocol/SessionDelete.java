package dev.weft.protocol;

import dev.weft.crdt.Pid;

/**
 * {@code 66 session_delete}: one deleted atom.
 *
 * @param site the site of the device that deleted it, 1..255
 * @param pid the deleted atom's pid
 */
public record SessionDelete(int site, Pid pid) implements Message {
    public static final int TYPE = 66;

    public SessionDelete {
        Fields.site(site);
        Fields.present(pid, "pid");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
