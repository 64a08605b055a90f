package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the steps of a big upsert end ({@link StepBudget}): runs counted, not atoms. */
class StepBudgetTest {
    private static List<Atom> run(int site, long first, long stride, int count) {
        List<Atom> atoms = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            atoms.add(new Atom(Pid.single(site, first + k * stride), 'x'));
        }
        return atoms;
    }

    @Test
    void aNoteTakenInFromAFileGoesInStepsOfTheMostOpsNotOfTheMostRuns() {
        List<Atom> inserts = run(3, 1, 7, 200_000);
        assertThat(StepBudget.step(inserts, 0, List.of(), 0)).containsExactly(StepBudget.OPS, 0);
        assertThat(StepBudget.step(inserts, 3 * StepBudget.OPS, List.of(), 0)).containsExactly(200_000, 0);
    }

    @Test
    void scatteredAtomsGoInStepsOfTheMostRuns() {
        List<Atom> inserts = ScatteredAtoms.of(3, 1, 3 * StepBudget.RUNS);
        assertThat(StepBudget.step(inserts, 0, List.of(), 0)).containsExactly(StepBudget.RUNS, 0);
        assertThat(StepBudget.step(inserts, 2 * StepBudget.RUNS, List.of(), 0)).containsExactly(3 * StepBudget.RUNS, 0);
    }

    @Test
    void aRunEndsWhereItsStrideLevelOrAuthorChanges() {
        List<Atom> inserts = new ArrayList<>(run(3, 1, 2, 10)); // 1 run
        inserts.addAll(run(3, 100, 5, 10)); // another stride: 1 more
        inserts.addAll(run(4, 200, 5, 10)); // another author: 1 more
        inserts.add(new Atom(Pid.of(Pid.key(4, 250), Pid.key(4, 1)), 'y')); // a level deeper: 1 more
        StepBudget budget = new StepBudget();
        assertThat(budget.take(inserts, 0, Atom::pid)).isEqualTo(inserts.size());
        assertThat(budget.full()).isFalse();
        List<Atom> scattered = ScatteredAtoms.of(5, 1, 2 * StepBudget.RUNS);
        assertThat(budget.take(scattered, 0, Atom::pid)).as("the runs left after the 4 above")
                .isEqualTo(StepBudget.RUNS - 4);
        assertThat(budget.full()).isTrue();
    }

    @Test
    void deletesShareTheStepWithTheInserts() {
        List<Atom> inserts = ScatteredAtoms.of(3, 1, 1_000);
        List<Pid> deletes = ScatteredAtoms.of(3, 1, 1_000).stream().map(Atom::pid).toList();
        assertThat(StepBudget.step(inserts, 0, deletes, 0)).containsExactly(1_000, StepBudget.RUNS - 1_000);
        assertThat(StepBudget.step(List.of(), 0, List.of(), 0)).containsExactly(0, 0);
    }
}
