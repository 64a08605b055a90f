package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PidSet} holds what a {@code HashSet<Pid>} holds: random pids of every depth, repeats,
 * clears, and runs (pids one stride apart), cut by other pids.
 */
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
                set.add(pid);
                model.add(pid);
            }
            assertThat(set.isEmpty()).isEqualTo(model.isEmpty());
            assertThat(set.toSet()).isEqualTo(model);
            set.clear();
            model.clear();
            assertThat(set.isEmpty()).isTrue();
            assertThat(set.toSet()).isEmpty();
        }
    }

    @Test
    void runsAndTheirCutsReadBack() {
        PidSet set = new PidSet();
        Set<Pid> model = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            Pid pid = i % 30_000 == 29_999 ? Pid.single(9, i) : Pid.of(Pid.key(1, 5), Pid.key(2, 10 + 3L * i));
            set.add(pid);
            model.add(pid);
            if (i % 40_000 == 0) {
                set.add(pid); // again: still one
            }
        }
        assertThat(set.toSet()).isEqualTo(model);
    }
}
