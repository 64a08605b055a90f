package dev.weft.server;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;

/**
 * Atoms of {@code site} that form no runs (every other one a level deeper), so that a big upsert
 * of them takes as many steps of {@link ChunkedUpsert} as it has {@link StepBudget#RUNS}; atoms of
 * one level one ident apart would be a few runs, stored in one step.
 */
final class ScatteredAtoms {
    private ScatteredAtoms() {
    }

    /** {@code count} atoms from ident {@code from}: ident {@code i} alone if even, under a second level if odd. */
    static List<Atom> of(int site, long from, int count) {
        List<Atom> atoms = new ArrayList<>(count);
        for (long ident = from; ident < from + count; ident++) {
            Pid pid = ident % 2 == 0 ? Pid.single(site, ident) : Pid.of(Pid.key(site, ident), Pid.key(site, 1));
            atoms.add(new Atom(pid, 'a' + (int) ((ident - from) % 26)));
        }
        return atoms;
    }
}
