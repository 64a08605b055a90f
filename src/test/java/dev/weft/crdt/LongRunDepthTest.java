package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A run of 3 million characters (a 3 MB note pasted or taken in at once, issue 12 §1) stays about
 * ten levels deep: each level the run goes down holds twice as much (20 million: at most 16, checked by hand, ~60 s).
 * Before, it went a level down every ~8,000 characters and passed the 255 levels a pid may have at
 * ~2 million: such a note could not be made at all.
 */
class LongRunDepthTest {
    @Test
    void aThreeMillionCharacterRunStaysShallowAndOrdered() {
        PidAllocator allocator = new PidAllocator(3, new SplittableRandom(7));
        Pid right = Pid.single(3, Pid.MAX_IDENT); // text after the paste
        Pid last = allocator.between(null, right);
        int deepest = last.depth();
        for (int i = 1; i < 3_000_000; i++) {
            Pid next = allocator.between(last, right);
            if (last.compareTo(next) >= 0 || next.compareTo(right) >= 0) {
                throw new AssertionError(next + " is not between " + last + " and " + right);
            }
            deepest = Math.max(deepest, next.depth());
            last = next;
        }
        assertThat(deepest).isLessThanOrEqualTo(12);
    }
}
