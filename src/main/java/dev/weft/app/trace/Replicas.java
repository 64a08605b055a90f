package dev.weft.app.trace;

import dev.weft.crdt.SequenceDoc;
import java.util.SplittableRandom;

/**
 * The replicas a replay makes: agent {@code a} of a trace edits as site {@code a + 1}, and a
 * replica that only merges (a device on first sync, a loaded file) is {@link #OBSERVER}. Each
 * site's pid allocator draws from a {@link SplittableRandom} seeded by the site, so every replay
 * of a trace makes the same pids.
 */
public final class Replicas {
    /** The site of a sequential trace's only agent. */
    public static final int FIRST_SITE = 1;
    /** The site of a replica that applies others' operations; no agent has it. */
    public static final int OBSERVER = 255;
    /** Most agents a trace may have: every site but {@link #OBSERVER}. */
    public static final int MAX_AGENTS = OBSERVER - FIRST_SITE;

    private static final long SEED = 0x5EED_7EA5L;

    private Replicas() {
    }

    /** An empty replica edited as {@code site}. */
    public static SequenceDoc empty(int site) {
        return new SequenceDoc(site, random(site));
    }

    /** The seeded random source of {@code site}. */
    public static SplittableRandom random(int site) {
        return new SplittableRandom(SEED + site);
    }

    /** The site of agent {@code agent} (0-based). */
    static int siteOf(int agent) {
        return FIRST_SITE + agent;
    }
}
