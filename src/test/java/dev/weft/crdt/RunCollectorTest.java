package dev.weft.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunCollectorTest {
    private static List<Run> collect(int max, Object... pidsAndCodePoints) {
        List<Run> runs = new ArrayList<>();
        RunCollector c = new RunCollector(runs::add, max);
        for (int i = 0; i < pidsAndCodePoints.length; i += 2) {
            Object cp = pidsAndCodePoints[i + 1];
            c.add((Pid) pidsAndCodePoints[i], cp instanceof Character ch ? ch : (Integer) cp);
        }
        c.flush();
        return runs;
    }

    private static Pid pid(long... identSite) {
        long[] keys = new long[identSite.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Pid.key((int) identSite[2 * i + 1], identSite[2 * i]);
        }
        return Pid.of(keys);
    }

    @Test
    void aTypedRunIsOneRunAndExpandsBackToItsAtoms() {
        List<Run> runs = collect(1000, pid(5, 1, 10, 2), (int) 'a', pid(5, 1, 17, 2), (int) 'b',
                pid(5, 1, 24, 2), AtomVisitor.TOMBSTONE, pid(5, 1, 31, 2), 0x1F389);
        assertEquals(1, runs.size());
        Run run = runs.get(0);
        assertEquals(new PidRange(pid(5, 1, 10, 2), 7, 4), run.pids());
        assertEquals(List.of(new Atom(pid(5, 1, 10, 2), 'a'), new Atom(pid(5, 1, 17, 2), 'b'),
                new Atom(pid(5, 1, 31, 2), 0x1F389)), run.atoms());
        assertTrue(run.pids().contains(pid(5, 1, 24, 2)));
        assertFalse(run.pids().contains(pid(5, 1, 25, 2)));
        assertFalse(run.pids().contains(pid(5, 1, 38, 2)));
        assertEquals(pid(5, 1, 31, 2), run.pids().last());
    }

    @Test
    void aRunBreaksAtAnotherStrideSiteDepthOrPrefixAndAtTheLimit() {
        List<Run> runs = collect(2,
                pid(1, 1), 'a', pid(2, 1), 'b', pid(3, 1), 'c', // limit 2
                pid(5, 1), 'd', pid(5, 1, 1, 1), 'e', // c and d: a run of stride 2; e: depth
                pid(6, 1, 1, 1), 'f', // prefix
                pid(6, 1, 3, 2), 'g', // site
                pid(6, 1, 3, 2, 9, 2), 'h');
        assertEquals(List.of(2, 2, 1, 1, 1, 1), runs.stream().map(Run::count).toList());
        assertEquals(8, runs.stream().mapToInt(r -> r.atoms().size()).sum());
    }

    @Test
    void rangesRefuseIdentsPastTheLimit() {
        assertThrows(IllegalArgumentException.class, () -> new PidRange(pid(Pid.MAX_IDENT - 1, 1), 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new PidRange(pid(1, 1), 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new PidRange(pid(1, 1), 1 << 30, 1 << 20));
        assertThrows(IllegalArgumentException.class,
                () -> new Run(new PidRange(pid(1, 1), 1, 2), new int[] {'a'}));
    }
}
