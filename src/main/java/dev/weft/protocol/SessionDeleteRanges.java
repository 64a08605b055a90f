package dev.weft.protocol;

import dev.weft.crdt.PidRange;
import java.util.List;

/**
 * {@code 73 session_delete_ranges} (ext, docs/protocol.md §8): stands for one {@link SessionDelete}
 * per pid of its ranges, in order, and counts as that many in a {@code 69}'s {@code applied}.
 *
 * @param site the site of the device that deleted them, 1..255
 * @param ranges pid ranges, in strictly increasing pid order, none starting inside another
 */
public record SessionDeleteRanges(int site, List<PidRange> ranges) implements Message {
    public static final int TYPE = 73;

    public SessionDeleteRanges {
        Fields.site(site);
        ranges = RunLists.ranges(ranges, "ranges");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
