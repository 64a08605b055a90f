package dev.weft.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Wrong pairing codes per address (docs/server.md, "Limits"): after {@value #FREE_WRONG} an
 * address waits before each further try, twice as long each time up to {@value #MAX_WAIT_SECONDS}
 * s, and is answered {@code 429} meanwhile without reading its request; the log gets the first
 * wrong code of an address and then one summary a minute, not a line a guess. Times are the
 * caller's {@code System.nanoTime()}, so the rules are tested without a clock. The one owner of
 * these counts.
 */
final class PairingGuard {
    static final int FREE_WRONG = 5;
    static final long MAX_WAIT_SECONDS = 60;
    static final long SUMMARY_SECONDS = 60;
    /** Addresses remembered at most; the one that failed longest ago is forgotten first. */
    static final int MAX_ADDRESSES = 4096;
    private static final long SECOND = 1_000_000_000L;

    private static final class Entry {
        int wrong;
        long lastWrong;
        long windowStart;
        int wrongInWindow;
        int refusedInWindow;
    }

    private final Map<InetAddress, Entry> entries = new HashMap<>();

    /** Seconds an address with {@code wrong} wrong codes waits after its last: 0, then 1, 2, 4 … 60. */
    static long waitSeconds(int wrong) {
        if (wrong < FREE_WRONG) {
            return 0;
        }
        int doublings = Math.min(wrong - FREE_WRONG, 6);
        return Math.min(1L << doublings, MAX_WAIT_SECONDS);
    }

    /** 0 when {@code address} may try a code now, else the seconds it must wait (counted as refused). */
    synchronized long retryAfter(InetAddress address, long now) {
        Entry e = entries.get(address);
        if (e == null) {
            return 0;
        }
        long until = e.lastWrong + waitSeconds(e.wrong) * SECOND;
        if (now - until >= 0) {
            return 0;
        }
        e.refusedInWindow++;
        return Math.max(1, (until - now + SECOND - 1) / SECOND);
    }

    /**
     * Counts a wrong code from {@code address}; returns the line to log now (its first wrong code
     * since it was last quiet), or null when the minute's summary will count it.
     */
    synchronized String wrong(InetAddress address, long now) {
        Entry e = entries.get(address);
        if (e == null) {
            if (entries.size() >= MAX_ADDRESSES) {
                entries.entrySet().stream().min(Comparator.comparingLong(x -> x.getValue().lastWrong))
                        .ifPresent(oldest -> entries.remove(oldest.getKey()));
            }
            e = new Entry();
            e.windowStart = now;
            entries.put(address, e);
            e.wrong = 1;
            e.lastWrong = now;
            return "wrong pairing code from " + address.getHostAddress() + "; more from it are summed up once a minute";
        }
        e.wrong++;
        e.lastWrong = now;
        e.wrongInWindow++;
        return null;
    }

    /** A code from {@code address} was right: it starts afresh. */
    synchronized void paired(InetAddress address) {
        entries.remove(address);
    }

    /**
     * The summaries due at {@code now}, one per address whose minute is over and that sent or was
     * refused something in it; forgets addresses that are quiet and may try again.
     */
    synchronized List<String> summaries(long now) {
        List<String> lines = new ArrayList<>();
        for (Iterator<Map.Entry<InetAddress, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
            Map.Entry<InetAddress, Entry> item = it.next();
            Entry e = item.getValue();
            if (now - e.windowStart < SUMMARY_SECONDS * SECOND) {
                continue;
            }
            if (e.wrongInWindow > 0 || e.refusedInWindow > 0) {
                lines.add(e.wrongInWindow + " more wrong pairing codes from " + item.getKey().getHostAddress() + " in "
                        + (now - e.windowStart) / SECOND + " s, " + e.refusedInWindow
                        + " tries refused with 429 (it has sent " + e.wrong + " wrong codes)");
                e.wrongInWindow = 0;
                e.refusedInWindow = 0;
                e.windowStart = now;
            } else if (now - e.lastWrong >= waitSeconds(e.wrong) * SECOND) {
                it.remove();
            }
        }
        return lines;
    }

    /** Whether any address is remembered (a summary may still be due). */
    synchronized boolean watching() {
        return !entries.isEmpty();
    }
}
