package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertCostTest {
    /** {@code count} atoms of one run: site 3 under (1,7), last idents from 100 by {@code stride}. */
    private static List<Atom> run(int count, long from, long stride) {
        List<Atom> atoms = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            atoms.add(new Atom(Pid.of(Pid.key(1, 7), Pid.key(3, from + k * stride)), 'a'));
        }
        return atoms;
    }

    @Test
    void aNoteOfOneRunCostsAUnitPer256Atoms() {
        assertThat(UpsertCost.of(run(1, 100, 5), List.of())).isEqualTo(1);
        assertThat(UpsertCost.of(run(256, 100, 5), List.of())).isEqualTo(1);
        assertThat(UpsertCost.of(run(257, 100, 5), List.of())).isEqualTo(2);
        assertThat(UpsertCost.of(run(2_920, 100, 5), List.of())).isEqualTo(12);
    }

    @Test
    void atomsInNoRunCostOneEachAndDeletesOneEach() {
        List<Atom> scattered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // every other one a level deeper: no two form a run
            scattered.add(new Atom(i % 2 == 0 ? Pid.single(3, 10 + i) : Pid.of(Pid.key(3, 10 + i), Pid.key(3, 1)), 'x'));
        }
        assertThat(UpsertCost.of(scattered, List.of(Pid.single(1, 1), Pid.single(1, 2)))).isEqualTo(12);
    }

    @Test
    void aRunEndsWhereTheStrideTheSiteOrThePrefixChanges() {
        List<Atom> atoms = new ArrayList<>(run(3, 100, 5)); // 100, 105, 110
        atoms.addAll(run(2, 117, 7)); // a step of 7 after 110: a new run 117, 124
        atoms.add(new Atom(Pid.of(Pid.key(1, 7), Pid.key(4, 131)), 'b')); // another site
        atoms.add(new Atom(Pid.of(Pid.key(1, 8), Pid.key(4, 138)), 'c')); // another prefix
        atoms.addAll(run(2, 90, 5)); // going back: a new run
        assertThat(UpsertCost.of(atoms, List.of())).isEqualTo(5);
    }

    @Test
    void aStepTakesWhatFitsItsBudgetAndAlwaysOneAtom() {
        List<Atom> atoms = new ArrayList<>(run(600, 100, 5)); // 3 units
        atoms.addAll(run(10, 100_000, 9)); // 1 unit
        assertThat(UpsertCost.insertsWithin(atoms, 0, 3)).containsExactly(600, 3);
        assertThat(UpsertCost.insertsWithin(atoms, 0, 4)).containsExactly(610, 4);
        assertThat(UpsertCost.insertsWithin(atoms, 600, 1)).containsExactly(610, 1);
        assertThat(UpsertCost.insertsWithin(atoms, 0, 0)).containsExactly(1, 1);
        assertThat(UpsertCost.insertsWithin(atoms, 610, 5)).containsExactly(610, 0);
    }
}
