package dev.weft.protocol;

import dev.weft.crdt.Atom;

/**
 * {@code 65 session_insert}: one inserted atom. The author's {@code site} is the site of the
 * atom's last pid pair (docs/protocol.md §5), which is checked here.
 *
 * @param site the author's site, 1..255
 * @param atom the inserted atom
 */
public record SessionInsert(int site, Atom atom) implements Message {
    public static final int TYPE = 65;

    public SessionInsert {
        Fields.site(site);
        Fields.present(atom, "atom");
        if (atom.pid().site() != site) {
            throw new IllegalArgumentException("site " + site + " is not the site of the inserted pid " + atom.pid());
        }
    }

    @Override
    public int type() {
        return TYPE;
    }
}
