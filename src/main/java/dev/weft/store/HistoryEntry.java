package dev.weft.store;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One value of the {@code history} map (docs/store.md, "History"): the pid ranges changes of one
 * document touched, each with the time of the change and whether it inserted them, so that the
 * changes that follow one another, typed at one place, fold into one entry whose key is the last
 * one's time, and a pull since a time inside it still sends exactly what came after.
 *
 * <p>Layout: {@code 0 0}, then per range {@code kind u8 | varint age | depth u8 | pairs | varint
 * count | varint stride (count > 1)}, age being the key's time minus the range's. An entry written
 * before (ranges as {@link Keys#packRanges} writes them, which never begin with {@code 0 0}) reads
 * as ranges of {@link Kind#CHANGED} at the key's time. Pure functions.
 */
final class HistoryEntry {
    /** What a range's change did to its atoms. */
    enum Kind {
        /** Inserted them: a joined range holds atoms of several changes, told apart by insert time. */
        INSERTED,
        /** Deleted them (or stored them as tombstones never inserted): all at the range's time. */
        DELETED,
        /** Inserted or deleted them at the range's time: an entry written before kinds. */
        CHANGED
    }

    /** A range of one entry. */
    record Range(PidRange pids, Kind kind, long time) {
    }

    /**
     * The most atoms one entry covers: a pull since a time inside it reads at most that many atoms
     * it need not send (four runs of {@link StoredRun#MAX}).
     */
    static final int MAX_ATOMS = 4 * StoredRun.MAX;
    /** The most ranges one entry holds. */
    static final int MAX_RANGES = Keys.CHUNK;

    private HistoryEntry() {
    }

    /**
     * {@code last} with {@code change} folded in: an insert range that continues the last insert
     * range extends it (its time becomes the later one), any other range is appended. Empty when
     * that would hold more than {@link #MAX_RANGES} ranges or {@link #MAX_ATOMS} atoms, or
     * {@code last} is of an entry written before kinds.
     */
    static Optional<List<Range>> merge(List<Range> last, List<Range> change) {
        List<Range> merged = new ArrayList<>(last);
        long atoms = 0;
        for (Range range : last) {
            if (range.kind() == Kind.CHANGED) {
                return Optional.empty();
            }
            atoms += range.pids().count();
        }
        for (Range range : change) {
            atoms += range.pids().count();
            Range tail = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            PidRange joined = tail != null && tail.kind() == Kind.INSERTED && range.kind() == Kind.INSERTED
                    ? joined(tail.pids(), range.pids()) : null;
            if (joined != null) {
                merged.set(merged.size() - 1, new Range(joined, Kind.INSERTED, range.time()));
            } else {
                merged.add(range);
            }
            if (merged.size() > MAX_RANGES || atoms > MAX_ATOMS) {
                return Optional.empty();
            }
        }
        return Optional.of(merged);
    }

    /** {@code a} then {@code b} as one range, or null when {@code b} does not continue {@code a}. */
    static PidRange joined(PidRange a, PidRange b) {
        Pid aFirst = a.first();
        Pid bFirst = b.first();
        int depth = aFirst.depth();
        if (bFirst.depth() != depth || bFirst.site() != aFirst.site()) {
            return null;
        }
        for (int i = 0; i < depth - 1; i++) {
            if (bFirst.keyAt(i) != aFirst.keyAt(i)) {
                return null;
            }
        }
        long step = bFirst.identAt(depth - 1) - a.last().identAt(depth - 1);
        long stride = a.count() > 1 ? a.stride() : step;
        if (step < 1 || step != stride || (b.count() > 1 && b.stride() != stride)
                || (long) a.count() + b.count() > Integer.MAX_VALUE) {
            return null;
        }
        return new PidRange(aFirst, stride, a.count() + b.count());
    }

    /** The value of an entry keyed by {@code time}, the latest of its ranges' times. */
    static byte[] pack(List<Range> ranges, long time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + 10 * ranges.size());
        out.write(0);
        out.write(0);
        for (Range range : ranges) {
            PidRange pids = range.pids();
            out.write(range.kind().ordinal());
            Varints.put(out, time - range.time());
            Pid first = pids.first();
            out.write(first.depth());
            for (int level = 0; level < first.depth(); level++) {
                long ident = first.identAt(level);
                out.write((int) (ident >>> 24));
                out.write((int) (ident >>> 16));
                out.write((int) (ident >>> 8));
                out.write((int) ident);
                out.write(first.siteAt(level));
            }
            Varints.put(out, pids.count());
            if (pids.count() > 1) {
                Varints.put(out, pids.stride());
            }
        }
        return out.toByteArray();
    }

    /** The ranges of an entry keyed by {@code time}. */
    static List<Range> unpack(byte[] value, long time) {
        List<Range> ranges = new ArrayList<>();
        if (value.length < 2 || value[0] != 0 || value[1] != 0) {
            for (PidRange pids : Keys.unpackRanges(value)) {
                ranges.add(new Range(pids, Kind.CHANGED, time));
            }
            return ranges;
        }
        int[] at = {2};
        Kind[] kinds = Kind.values();
        while (at[0] < value.length) {
            int kind = value[at[0]++];
            if (kind < 0 || kind >= kinds.length) {
                throw new IllegalStateException("history range of kind " + kind);
            }
            long rangeTime = time - Varints.read(value, at, "a history entry");
            int depth = value[at[0]++] & 0xFF;
            long[] keys = new long[depth];
            for (int i = 0; i < depth; i++) {
                long ident = (value[at[0]] & 0xFFL) << 24 | (value[at[0] + 1] & 0xFFL) << 16
                        | (value[at[0] + 2] & 0xFFL) << 8 | value[at[0] + 3] & 0xFFL;
                keys[i] = Pid.key(value[at[0] + 4] & 0xFF, ident);
                at[0] += Keys.PAIR;
            }
            int count = Math.toIntExact(Varints.read(value, at, "a history entry"));
            long stride = count > 1 ? Varints.read(value, at, "a history entry") : 1;
            ranges.add(new Range(new PidRange(Pid.of(keys), stride, count), kinds[kind], rangeTime));
        }
        return ranges;
    }
}
