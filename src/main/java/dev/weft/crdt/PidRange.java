package dev.weft.crdt;

/**
 * Pids of one author on one level whose last idents step by one stride: pid {@code k} is
 * {@code first} with its last ident plus {@code k · stride}. The unit that runs are written in
 * on disk, on the wire and in the server store (deletes travel as ranges).
 *
 * @param first the first pid
 * @param stride the step between last idents, at least 1
 * @param count the number of pids, at least 1
 */
public record PidRange(Pid first, long stride, int count) {
    public PidRange {
        if (first == null) {
            throw new IllegalArgumentException("first pid is null");
        }
        if (count < 1) {
            throw new IllegalArgumentException("pid range count " + count + " below 1");
        }
        if (stride < 1 || stride > Pid.MAX_IDENT) {
            throw new IllegalArgumentException("pid range stride " + stride + " outside 1.." + Pid.MAX_IDENT);
        }
        long lastIdent = first.identAt(first.depth() - 1) + (count - 1) * stride;
        if ((count - 1) > Pid.MAX_IDENT / stride || lastIdent > Pid.MAX_IDENT) {
            throw new IllegalArgumentException("pid range passes ident " + Pid.MAX_IDENT);
        }
    }

    /** Pid {@code k} of the range, 0-based. */
    public Pid pidAt(int k) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException(k);
        }
        long[] keys = first.keys();
        int last = keys.length - 1;
        keys[last] = Pid.key(Pid.siteOf(keys[last]), Pid.identOf(keys[last]) + k * stride);
        return Pid.adopt(keys);
    }

    /** The last pid of the range. */
    public Pid last() {
        return pidAt(count - 1);
    }

    /** Whether {@code pid} is one of the range's pids. */
    public boolean contains(Pid pid) {
        int depth = first.depth();
        if (pid.depth() != depth || pid.site() != first.site()) {
            return false;
        }
        for (int i = 0; i < depth - 1; i++) {
            if (pid.keyAt(i) != first.keyAt(i)) {
                return false;
            }
        }
        long delta = pid.identAt(depth - 1) - first.identAt(depth - 1);
        return delta >= 0 && delta % stride == 0 && delta / stride < count;
    }
}
