package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.protocol.SyncDocUpsert;
import dev.weft.protocol.SyncDocUpsertRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An upsert's steps as runs ({@link UpsertSteps}): every op once, in order, each step within its budget. */
class UpsertStepsTest {
    private static final UUID DOC = new UUID(1, 4);

    private static Run run(int site, long first, long stride, int count) {
        int[] text = new int[count];
        Arrays.fill(text, 'r');
        return new Run(new PidRange(Pid.single(site, first), stride, count), text);
    }

    private static List<UpsertSteps.Step> all(UpsertSteps steps) {
        List<UpsertSteps.Step> out = new ArrayList<>();
        while (steps.hasNext()) {
            out.add(steps.next());
        }
        return out;
    }

    @Test
    void aRunLongerThanAStepIsCutWhereTheStepsOpsEnd() {
        Run pasted = run(3, 1, 7, 2 * StepBudget.OPS + 5);
        PidRange deleted = new PidRange(Pid.single(4, 1), 1, 10);
        UpsertSteps steps = UpsertSteps.of(new SyncDocUpsertRuns(DOC, "n", 0, List.of(pasted), List.of(deleted)));
        assertThat(steps.oneStep()).isFalse();
        List<UpsertSteps.Step> all = all(steps);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).inserts()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(StepBudget.OPS));
        assertThat(all.get(1).inserts().get(0).pids().first()).isEqualTo(pasted.pids().pidAt(StepBudget.OPS));
        assertThat(all.get(2).inserts().get(0).count()).isEqualTo(5);
        assertThat(all.get(2).deletes()).containsExactly(deleted);
        List<Atom> atoms = new ArrayList<>();
        all.forEach(s -> s.inserts().forEach(r -> atoms.addAll(r.atoms())));
        assertThat(atoms).isEqualTo(pasted.atoms());
    }

    @Test
    void manyRunsGoInStepsOfTheMostRuns() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 2 * StepBudget.RUNS + 1; i++) {
            runs.add(run(3, 1 + 100L * i, 1, 3));
        }
        UpsertSteps steps = UpsertSteps.of(new SyncDocUpsertRuns(DOC, "n", 0, runs, List.of()));
        assertThat(all(steps)).extracting(s -> s.inserts().size())
                .containsExactly(StepBudget.RUNS, StepBudget.RUNS, 1);
        UpsertSteps small = UpsertSteps.of(new SyncDocUpsertRuns(DOC, "n", 0, runs.subList(0, 10), List.of()));
        assertThat(small.oneStep()).isTrue();
        assertThat(all(small)).hasSize(1);
    }

    @Test
    void theSeedsAtomsAreGroupedIntoRunsAStepAtATime() {
        List<Atom> atoms = new ArrayList<>(run(3, 1, 2, 10).atoms());
        atoms.addAll(ScatteredAtoms.of(3, 1_000, StepBudget.RUNS));
        java.util.Collections.reverse(atoms);
        atoms.add(1, atoms.get(0)); // one pid twice in a step: inserted once
        UpsertSteps steps = UpsertSteps.of(new SyncDocUpsert(DOC, "n", 0, atoms, List.of(Pid.single(3, 3))));
        assertThat(steps.oneStep()).isFalse();
        List<UpsertSteps.Step> all = all(steps);
        assertThat(all).hasSizeGreaterThan(1);
        long inserted = all.stream().flatMap(s -> s.inserts().stream()).mapToLong(Run::count).sum();
        assertThat(inserted).isEqualTo(atoms.size() - 1L);
        assertThat(all.get(all.size() - 1).deletes()).containsExactly(new PidRange(Pid.single(3, 3), 1, 1));
    }

    @Test
    void anUpsertOfNoOpsIsOneEmptyStep() {
        UpsertSteps steps = UpsertSteps.of(new SyncDocUpsert(DOC, "n", 0, List.of(), List.of()));
        assertThat(steps.oneStep()).isTrue();
        assertThat(all(steps)).containsExactly(new UpsertSteps.Step(List.of(), List.of()));
        assertThat(all(UpsertSteps.of(new SyncDocUpsertRuns(DOC, "n", 0, List.of(), List.of())))).hasSize(1);
    }
}
