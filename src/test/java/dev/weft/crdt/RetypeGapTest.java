package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The retype gap of docs/crdt.md ("Anchor order"): an insert after the site's own atom placed
 * above that atom's level sorts after everything beneath the atom's prefix, where another site's
 * text typed after the atom lands. Before no insert went above its left atom's level, the retype
 * did so here: "PLMZ".
 */
class RetypeGapTest {
    record Op(Pid pid, int codePoint) {
    }

    static final class Log implements OpSink {
        final List<Op> ops = new ArrayList<>();

        @Override
        public void inserted(Pid pid, int codePoint) {
            ops.add(new Op(pid, codePoint));
        }

        @Override
        public void deleted(Pid pid) {
            ops.add(new Op(pid, -1));
        }

        void applyTo(SequenceDoc doc) {
            for (Op op : ops) {
                if (op.codePoint() >= 0) {
                    doc.applyInsert(op.pid(), op.codePoint());
                } else {
                    doc.applyDelete(op.pid());
                }
            }
        }
    }

    @Test
    void aRetypeAfterAnOwnTombstoneBeneathAnotherSitesPairStaysBeforeTextTypedAfterThatTombstone() {
        // Site 2's run "PL" near the end of its top-level region: L went on beneath P (its run
        // had under 16 idents left there), in region 0 beneath its own pair.
        long p = Pid.key(2, 3 * PidAllocator.REGION - 1 - PidAllocator.GUARD - 3);
        Pid pp = Pid.of(p);
        Pid pl = Pid.of(p, Pid.key(2, 500));
        SequenceDoc a = new SequenceDoc(3, new SplittableRandom(3));
        SequenceDoc c = new SequenceDoc(4, new SplittableRandom(4));
        for (SequenceDoc d : List.of(a, c)) {
            d.applyInsert(pp, 'P');
            d.applyInsert(pl, 'L');
        }
        // Site 3 types Y after L (a group beneath a slot under P); site 4 sees it. Then site 3
        // deletes Y and types Z in its place while site 4 types M after Y: Z took Y's place, M
        // went after Y, so Z comes first (the model's order, RandomHistoriesTest).
        Log y = new Log();
        a.insert(2, "Y", y);
        y.applyTo(c);
        Log retype = new Log();
        a.delete(2, 1, retype);
        a.insert(2, "Z", retype);
        Log m = new Log();
        c.insert(3, "M", m);
        retype.applyTo(c);
        m.applyTo(a);
        assertThat(a.text()).isEqualTo(c.text()).isEqualTo("PLZM");
    }
}
