package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PidSet} holds what a {@code HashSet<Pid>} holds: random pids of every depth, repeats, clears. */
class PidSetTest {
    @Test
    void holdsWhatAHashSetHolds() {
        SplittableRandom random = new SplittableRandom(5);
        PidSet set = new PidSet();
        Set<Pid> model = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 50_000; i++) {
                // few idents and sites: many repeats and shared prefixes
                long[] keys = new long[1 + random.nextInt(random.nextInt(8) == 0 ? 255 : 4)];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = Pid.key(1 + random.nextInt(3), random.nextInt(40));
                }
                Pid pid = Pid.of(keys);
                assertThat(set.add(pid)).isEqualTo(model.add(pid));
            }
            assertThat(set.isEmpty()).isEqualTo(model.isEmpty());
            assertThat(set.toSet()).isEqualTo(model);
            set.clear();
            model.clear();
            assertThat(set.isEmpty()).isTrue();
            assertThat(set.toSet()).isEmpty();
        }
    }
}
