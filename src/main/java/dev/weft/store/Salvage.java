package dev.weft.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiConsumer;

/**
 * Reads what can be read of a B-tree whose file has damaged pages: entries in key order, and the
 * key ranges lost under damaged nodes. When a read fails, the next key that reads is found by
 * probing: a descent to a key under a damaged node fails, one past its range works, so an
 * exponential then binary search over the keys' first {@code prefix} bytes finds where reading
 * resumes (at most 16 descents a byte).
 */
final class Salvage {
    /** Keys from {@code from} (a prefix, inclusive) to {@code to} (a prefix, exclusive; null: the end) were lost. */
    record Lost(byte[] from, byte[] to) {
        boolean covers(byte[] prefix) {
            return Arrays.compareUnsigned(prefix, from) >= 0 && (to == null || Arrays.compareUnsigned(prefix, to) < 0);
        }
    }

    private Salvage() {
    }

    /** Hands every entry that reads to {@code sink}, in key order; returns the ranges lost, by key prefix. */
    static <V> List<Lost> copy(NavigableMap<byte[], V> map, int prefix, BiConsumer<byte[], V> sink) {
        List<Lost> lost = new ArrayList<>();
        byte[] from = null;
        int stuck = 0; // failures at the first key read: the probe must then move on faster
        while (true) {
            byte[] last = null;
            try {
                for (Map.Entry<byte[], V> e : (from == null ? map : map.tailMap(from, true)).entrySet()) {
                    last = e.getKey();
                    sink.accept(e.getKey(), e.getValue());
                }
                return lost;
            } catch (RuntimeException damaged) {
                stuck = last == null ? stuck + 1 : 0;
                byte[] start = last != null ? Arrays.copyOf(last, prefix) : from != null ? from : new byte[prefix];
                byte[] next = nextReadable(map, start, prefix, BigInteger.ONE.shiftLeft(Math.max(0, stuck - 1)));
                lost.add(new Lost(start, next));
                if (next == null) {
                    return lost;
                }
                from = next;
            }
        }
    }

    /**
     * The least prefix at least {@code minStep} after {@code start} from which {@code map} reads,
     * or null if none does.
     */
    private static byte[] nextReadable(NavigableMap<byte[], ?> map, byte[] start, int prefix, BigInteger minStep) {
        BigInteger lo = new BigInteger(1, start);
        BigInteger max = BigInteger.ONE.shiftLeft(prefix * 8).subtract(BigInteger.ONE);
        BigInteger step = minStep;
        if (lo.add(step).compareTo(max) > 0) {
            return null;
        }
        BigInteger hi;
        while (true) {
            hi = lo.add(step).min(max);
            if (reads(map, bytes(hi, prefix))) {
                break;
            }
            if (hi.equals(max)) {
                return null;
            }
            step = step.shiftLeft(1);
        }
        lo = hi.subtract(step).max(lo.add(minStep).subtract(BigInteger.ONE));
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) { // lo fails (or is too near), hi reads
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (reads(map, bytes(mid, prefix))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return bytes(hi, prefix);
    }

    private static boolean reads(NavigableMap<byte[], ?> map, byte[] key) {
        try {
            map.ceilingEntry(key); // the value too: it may be a record of its own
            return true;
        } catch (RuntimeException damaged) {
            return false;
        }
    }

    private static byte[] bytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - n, out, length - n, n);
        return out;
    }
}
