package dev.weft.crdt;

import java.util.random.RandomGenerator;

/**
 * Makes new position identifiers for one site in one document (docs/protocol.md §2).
 *
 * <p><b>Runs.</b> The character typed right after the pid made last continues its run: same
 * prefix, the last ident one stride further, so text typed or pasted in one go is one
 * {@link PidRange} (first pid, stride, count). A run stays on one level, and the stride leaves
 * gaps where later corrections fit on that same level. The stride is fixed when the run's second
 * atom is made: {@link #RUN_STRIDE}, at most 1/{@link #STRIDE_SHARE} of the room up to the right
 * neighbour or the end of the site's region; once the room left is below {@link #KEEP} strides the
 * run goes on on its level with a stride fitted to the rest (gaps shrink geometrically, so text
 * typed into text also finds room), and when the room is down to {@link #NARROW} it goes on beneath
 * its last atom, where a fresh level is free.
 *
 * <p><b>Placement.</b> A new run starts on the shallowest level with room (LSEQ, Nédelec et al.
 * 2013), a random run step from one neighbour: after the left one (boundary+), or before the
 * right one when that is the pid made last (boundary-: someone inserting again and again at one
 * place, or typing backwards), or, at the front of a level, a bounded distance below the right
 * neighbour, or near the start of the site's region on an empty level. LSEQ alternates boundary+
 * and boundary- by depth to hedge between these patterns; here the allocator sees which one is
 * happening.
 *
 * <p><b>No interleaving, by construction.</b> On every level the idents are cut into 256 regions
 * of {@link #REGION}; every pair this site makes (the last pair of each pid) lies in its own
 * region of that level, numbered from the site of the pair above it (see {@link #regionLow}). Two runs at one place on one level, by two sites, therefore occupy disjoint
 * intervals of that level, and everything beneath a run's atoms sorts inside its interval; a run
 * that outgrows its room goes on beneath its last atom, still inside. Whatever their length,
 * concurrent runs end one after the other. After another site's atom where this site's region
 * is not in the gap, the run opens a level beneath the largest pair below the right neighbour, after
 * everything that atom's author may still add on its level (docs/crdt.md, "Where an insert goes").
 *
 * <p>Pids never end in ident 0, so no pid made here is the immediate successor of another and
 * there is always room between two pids it made (up to {@link Pid#MAX_DEPTH}). Not thread-safe:
 * one allocator belongs to one document replica.
 */
public final class PidAllocator {
    /** Idents per site region: every level has 256, one for each site value. */
    static final long REGION = 1L << 24;
    /** Top idents of a region never used for pairs made here (see {@link #regionHigh}). */
    static final long GUARD = 16;
    /** Largest step between two atoms of a run typed with nothing close after it. */
    static final int RUN_STEP = 4096;
    /** A step in a bounded gap takes at most this fraction (1/n) of the room left. */
    static final int GAP_SHARE = 8;
    /**
     * A run's stride with nothing close after it: the mean of the random steps runs took before
     * their stride was fixed (issue 14), with no small gap among them.
     */
    static final long RUN_STRIDE = RUN_STEP / 2;
    /**
     * A run's stride takes at most this fraction (1/n) of the room left when it is chosen: a run
     * typed into a gap holds many atoms on the gap's level, and the gaps it leaves between them
     * still take text typed into it (measured against 1/16 and 1/32: shallower on the traces,
     * and 1/128 was deeper for text typed into text; docs/benchmarks.md).
     */
    static final long STRIDE_SHARE = 64;
    /**
     * A run keeps its stride while the room left is at least this many strides: it uses half the
     * room its stride was chosen for, then goes on with a stride fitted to the rest (a new run on
     * the same level), so the room shrinks geometrically as the random steps did.
     */
    static final long KEEP = STRIDE_SHARE / 2;
    /** Room below which a run stops crawling through a gap and goes one level down. */
    static final long NARROW = 16;
    /** Where a run starts in the own region of an empty level: room in front for typing before it. */
    static final long OPEN_ROOM = REGION / 16;
    /** How far below its right neighbour a run typed in front starts: room for it to grow. */
    static final long FRONT_ROOM = 1L << 12;

    private final RandomGenerator random;
    private int site;

    /** The pid made last, whose run the next insert right after it continues. */
    private final long[] last = new long[Pid.MAX_DEPTH];
    private int lastDepth;
    /**
     * Levels the current run went down since it was placed. Each halves the run's steps: a run
     * that fills level after level (a big paste or import) would otherwise go one level deeper
     * every ~8,000 characters and pass the 255 levels a pid may have at ~2 million; so it holds
     * twice as much on each level and 20 million characters take ~12 levels.
     */
    private int descents;
    /** The current run's step between last idents, fixed until it no longer fits; 0 before one is chosen. */
    private long stride;
    /** This insert follows the site's own tombstone: a new run, {@link #JUMP} on (docs/crdt.md, "Anchor order"). */
    private boolean retype;
    /** The gap's end past any groups (SequenceDoc.groupFrame) and its depth; -1: the right neighbour's. */
    private long[] frame;
    private int frameDepth;

    /**
     * @param site the site written into the last pair of every pid made, 1..255
     * @param random the source of placement randomness (seeded in tests)
     */
    public PidAllocator(int site, RandomGenerator random) {
        setSite(site);
        this.random = random;
    }

    /** The site pids are made for. */
    public int site() {
        return site;
    }

    /** Switches to another site (a device that was just paired) and ends the current run. */
    public void setSite(int site) {
        if (site < 1 || site > 255) {
            throw new IllegalArgumentException("site " + site + " outside 1..255");
        }
        this.site = site;
        this.lastDepth = 0;
    }

    /**
     * Makes a pid strictly between two atoms adjacent in the full local sequence (tombstones
     * included) and writes its keys to {@code out}.
     *
     * @param l packed keys of the left neighbour from {@code lo}, {@code ll = 0} at the front
     * @param r packed keys of the right neighbour from {@code ro}, {@code rl = 0} at the end
     * @return the depth of the new pid, whose keys are {@code out[0..depth)}
     * @throws NoRoomException if no pid of depth at most 255 fits (never between pids made here)
     */
    public int allocate(long[] l, int lo, int ll, long[] r, int ro, int rl, long[] out) {
        return allocate(l, lo, ll, r, ro, rl, out, false);
    }

    int allocate(long[] l, int lo, int ll, long[] r, int ro, int rl, long[] out, boolean retype) {
        return allocate(l, lo, ll, r, ro, rl, out, retype, null, -1);
    }

    int allocate(long[] l, int lo, int ll, long[] r, int ro, int rl, long[] out, boolean retype,
            long[] frame, int frameDepth) {
        this.retype = retype;
        this.frame = frame;
        this.frameDepth = frameDepth;
        int depth = retype ? 0 : continueRun(l, lo, ll, r, ro, rl, out);
        if (depth == 0) {
            descents = 0;
            stride = 0;
            boolean backwards = lastDepth > 0 && Pid.compare(r, ro, rl, last, 0, lastDepth) == 0;
            depth = place(l, lo, ll, r, ro, rl, out, backwards);
        }
        System.arraycopy(out, 0, last, 0, depth);
        lastDepth = depth;
        return depth;
    }

    /** Convenience form of {@link #allocate} for pids; either may be null (front / end). */
    public Pid between(Pid left, Pid right) {
        long[] l = left == null ? EMPTY : left.keys();
        long[] r = right == null ? EMPTY : right.keys();
        long[] out = new long[Pid.MAX_DEPTH];
        int depth = allocate(l, 0, l.length, r, 0, r.length, out);
        return Pid.ofRange(out, 0, depth);
    }

    private static final long[] EMPTY = new long[0];

    /**
     * The next pid of the current run if the left neighbour is the pid made last, else 0: a step
     * further on its level, inside the site's region, or, when the room there (up to the right
     * neighbour or the region's end) is used up, on the level beneath the pid made last. Either way
     * it stays between the run's atoms and anything another site made after them.
     */
    private int continueRun(long[] l, int lo, int ll, long[] r, int ro, int rl, long[] out) {
        if (lastDepth == 0 || ll != lastDepth || Pid.compare(l, lo, ll, last, 0, lastDepth) != 0) {
            return 0;
        }
        int level = lastDepth - 1;
        long prev = Pid.identOf(last[level]);
        int above = level == 0 ? 0 : Pid.siteOf(last[level - 1]);
        long room = Math.min(bound(r, ro, rl, level) - 1, regionHigh(above)) - prev;
        System.arraycopy(last, 0, out, 0, lastDepth);
        if (room >= NARROW) {
            // The stride holds while it is at most 1/KEEP of the room left; then the run goes on
            // on this level with a stride fitted to what is left (a new run), so gaps shrink
            // geometrically and text typed into a gap, and into that text, mostly stays on one level.
            if (stride == 0 || room < KEEP * stride) {
                stride = strideFor(room);
            }
            out[level] = Pid.key(site, prev + stride);
            return lastDepth;
        }
        long low = regionLow(site);
        long high = Math.min(bound(r, ro, rl, lastDepth) - 1, regionHigh(site));
        if (lastDepth == Pid.MAX_DEPTH || high < low) {
            return 0;
        }
        descents++;
        stride = 0;
        out[lastDepth] = Pid.key(site, low + random.nextLong(runStep(high - low + 1)));
        return lastDepth + 1;
    }

    /**
     * A run's stride for {@code room} free idents after its last atom: {@link #RUN_STRIDE}, at most
     * 1/{@link #STRIDE_SHARE} of the room, halved for each level the run went down (see
     * {@link #descents}), less a random part of up to a quarter: two writers under one site (a vault
     * copied with its device state, protocol.md §2) that start a run at the same pid do not go on
     * making the same pids all along it.
     */
    private long strideFor(long room) {
        long most = Math.max(1, Math.min(RUN_STRIDE, room / STRIDE_SHARE) >> Math.min(descents, 12));
        return most - random.nextLong(Math.max(1, most / 4));
    }

    /** {@link #stepFor}, halved for each level the run went down (see {@link #descents}). */
    private long runStep(long room) {
        return Math.max(1, stepFor(room) >> Math.min(descents, 12));
    }

    /**
     * The ident on level {@code level} beneath the pid made last (prefix {@code last[0..level)})
     * up to which the room reaches: the right neighbour's ident there if it has that prefix.
     */
    private long bound(long[] r, int ro, int rl, int level) {
        if (rl > level && Pid.compare(r, ro, level, last, 0, level) == 0) {
            return Pid.identOf(r[ro + level]);
        }
        return Pid.MAX_IDENT + 1;
    }

    /** Places a run start on the shallowest level with room, inside this site's region. */
    private int place(long[] l, int lo, int ll, long[] r, int ro, int rl, long[] out, boolean backwards) {
        boolean tightL = ll > 0;
        boolean tightR = rl > 0;
        boolean ownLeft = ll > 0 && Pid.siteOf(l[lo + ll - 1]) == site;
        for (int d = 0; d < Pid.MAX_DEPTH; d++) {
            long minIdent = 1;
            if (tightL && d < ll) {
                long low = l[lo + d];
                minIdent = Math.max(1, Pid.identOf(low) + (Pid.siteOf(low) < site ? 0 : 1));
            }
            long maxIdent = Pid.MAX_IDENT;
            if (tightR) {
                // Strictly below the right neighbour's ident: a pair equal to the one just below
                // it is what another site opens a level beneath when it finds no room there.
                maxIdent = Pid.identOf(r[ro + d]) - 1;
            }
            int above = d == 0 ? 0 : Pid.siteOf(out[d - 1]);
            long min = Math.max(minIdent, regionLow(above));
            // The top idents below the right neighbour are where groups open (see zone).
            long max = Math.min(maxIdent - (tightR ? ZONE : 0), regionHigh(above));
            long ident;
            if (!tightL || d >= ll) {
                ident = pickOpen(min, max, maxIdent <= regionHigh(above), regionLow(above));
            } else if (d < ll - 1) {
                // Never above the left atom's level: what another site types after that atom
                // lands on its level or beneath, and an insert above would sort after it (an own
                // retype there too, docs/crdt.md "Anchor order").
                out[d] = l[lo + d];
                tightR = tightR && out[d] == r[ro + d];
                continue;
            } else if (!ownLeft) {
                // A group beneath a slot just below the right neighbour (or the level's end): the
                // larger the room after the atom, the nearer, so inserts after atoms retyped in
                // place of this one come first.
                long below = zone(l, lo, ll, r, ro, rl, d, tightR, room(l[lo + d], maxIdent, above));
                if (below <= l[lo + d]) {
                    out[d] = l[lo + d]; // no pair between: beneath the atom
                    tightR = tightR && out[d] == r[ro + d];
                    continue;
                }
                out[d] = below;
                tightL = false;
                tightR = tightR && below == r[ro + d];
                continue;
            } else if (backwards && tightR && (d < ll - 1 || ownLeft)) {
                ident = pickBeforeOwn(min, max);
            } else {
                if (retype) {
                    long delta = room(l[lo + d], maxIdent, above);
                    min = Math.max(min, Pid.identOf(l[lo + d]) + Math.max(1, delta / JUMP));
                }
                ident = pickAfter(min, max);
                long below = tightR ? predecessor(r[ro + d]) : TOP;
                if (ident < 0 && !ownLeft && below > l[lo + d]) {
                    below = zone(l, lo, ll, r, ro, rl, d, tightR, room(l[lo + d], maxIdent, above));
                    if (tightR && below == r[ro + d]) {
                        out[d] = below;
                        tightL = false;
                        continue;
                    }
                    // No room in this site's region after another site's atom: a fresh level
                    // beneath the largest pair below the right neighbour (or of the level), after
                    // everything the atom's author may add on its level (never beneath the atom,
                    // which sorts before that).
                    out[d] = below;
                    tightL = false;
                    tightR = false;
                    continue;
                }
            }
            if (ident >= 0) {
                out[d] = Pid.key(site, ident);
                return d + 1;
            }
            // No room on this level: extend the prefix by one pair and look one level deeper.
            if (tightL && d < ll) {
                out[d] = l[lo + d];
                tightR = tightR && out[d] == r[ro + d];
            } else if (tightR) {
                tightL = false;
                long high = r[ro + d];
                if (high > Pid.key(1, 0)) { // (ident 0, site 1) is the smallest pair there is
                    out[d] = predecessor(high);
                    tightR = false;
                } else if (d + 1 < rl) {
                    out[d] = high;
                } else {
                    break;
                }
            } else {
                throw new AssertionError("a level bounded on neither side always has room");
            }
        }
        throw new NoRoomException("no pid of depth <= " + Pid.MAX_DEPTH + " fits between the neighbours");
    }

    /** A retype starts at least 1/JUMP of its room on, so retyped text has a smaller room by more than a slot. */
    static final long JUMP = 32;
    /** The pairs below a gap's end that groups open beneath: one slot per 32/SLOTS of log2(room). */
    static final int SLOTS = 15 * 255;
    /** The idents below a right neighbour that hold the slots, never taken by an own pair. */
    static final long ZONE = 15;

    /** Idents from the pair {@code left} to the end of its author's region or {@code maxIdent}. */
    private static long room(long left, long maxIdent, int above) {
        int a = Pid.siteOf(left);
        long end = ((a - above) & 255) * REGION + REGION - 1;
        return Math.max(1, Math.min(maxIdent, end) - Pid.identOf(left));
    }

    /**
     * The pair a group opens beneath after another site's atom {@code l}: a slot in the 15 idents
     * just below the right neighbour's pair (or the level's end), nearer it for a larger room.
     */
    private long zone(long[] l, int lo, int ll, long[] r, int ro, int rl, int d, boolean tightR, long room) {
        long left = l[lo + d];
        long old = tightR ? predecessor(r[ro + d]) : TOP;
        long bound = tightR ? r[ro + d] : -1;
        if (frameDepth >= 0) {
            bound = frameDepth > d ? frame[d] : -1;
        }
        long lin = bound < 0 ? (Pid.MAX_IDENT + 1) * 255 : Pid.identOf(bound) * 255 + Pid.siteOf(bound) - 1;
        int slot = (int) Math.min(SLOTS - 1, Math.floor(Math.log(room) / Math.log(2) * SLOTS / 32.0));
        long m = lin - (SLOTS - slot);
        long key = m < 0 ? -1 : Pid.key((int) (m % 255) + 1, m / 255);
        if (key <= left || (tightR && key > r[ro + d])) {
            return old;
        }
        return key;
    }

    /** The largest pair there is. */
    private static final long TOP = Pid.key(255, Pid.MAX_IDENT);

    /** Largest valid pair key smaller than {@code key} (sites are 1..255, never 0). */
    private static long predecessor(long key) {
        return Pid.siteOf(key) > 1 ? key - 1 : Pid.key(255, Pid.identOf(key) - 1);
    }

    /**
     * After a left neighbour (boundary+): one run step into the free idents of this site's region
     * after it, so a later insert right after the neighbour still finds room on this level.
     */
    private long pickAfter(long min, long max) {
        if (min > max) {
            return -1;
        }
        return min + random.nextLong(stepFor(max - min + 1));
    }

    /**
     * Just before the right neighbour when it is the pid made last: someone typing backwards (or
     * inserting again and again at one place) keeps the room in front of it (boundary-).
     */
    private long pickBeforeOwn(long min, long max) {
        if (min > max) {
            return -1;
        }
        return max - random.nextLong(stepFor(max - min + 1));
    }

    /** A run step for {@code room} free idents: bounded by RUN_STEP and by 1/GAP_SHARE of the room. */
    private static long stepFor(long room) {
        return Math.max(1, Math.min(RUN_STEP, room / GAP_SHARE));
    }

    /**
     * On a level with no left neighbour: below the right one (boundary-, leaving room to grow)
     * when it lies in this site's region, else in the middle of the region's free idents; on an
     * empty level near the region's start, with room in front.
     */
    private long pickOpen(long min, long max, boolean highInRegion, long regionLow) {
        if (min > max) {
            return -1;
        }
        if (highInRegion) {
            return Math.max(min, max - FRONT_ROOM);
        }
        if (min == regionLow) {
            return min + Math.min(OPEN_ROOM, (max - min) / 2);
        }
        return min + (max - min) / 2;
    }

    /**
     * The first ident of this site's region on a level beneath a pair of site {@code above} (0 on
     * the top level). Regions are numbered from the site above: beneath its own pairs a site has
     * region 0, the first, so what it types after its own atom sorts before what others put beneath
     * that atom ("the author of an atom comes first after it"). Ident 0 is never used.
     */
    private long regionLow(int above) {
        return Math.max(1, ((site - above) & 255) * REGION);
    }

    /**
     * The last ident of this site's region beneath {@code above} that pairs made here use. The top
     * {@link #GUARD} are left out: a pair just below another region's start, (ident, 255) made by
     * opening a level beneath the predecessor of a site-1 pair there, must not equal a pair of
     * this site's run.
     */
    private long regionHigh(int above) {
        return ((site - above) & 255) * REGION + REGION - 1 - GUARD;
    }

    /** Thrown when no pid fits between two neighbours within the depth limit. */
    public static final class NoRoomException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoRoomException(String message) {
            super(message);
        }
    }
}
