package dev.weft.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SeqSlots#reserve}, which a big edit (an imported file) calls once before appending its ops. */
class SeqSlotsReserveTest {
    private static LocalOp op(long seq) {
        Pid pid = seq % 3 == 0 ? Pid.single(2, seq) : Pid.of(Pid.key(1, seq), Pid.key(2, 7), Pid.key(3, seq * 2));
        return seq % 5 == 0 ? new LocalOp.Delete(seq, seq * 10, pid) : new LocalOp.Insert(seq, seq * 10, new Atom(pid, 'a'));
    }

    @Test
    void reservingKeepsEveryOpAndTheirOrder() {
        SeqSlots slots = new SeqSlots();
        List<LocalOp> model = new ArrayList<>();
        long seq = 0;
        for (int round = 0; round < 6; round++) {
            // holes in the middle and acknowledged ones at the front, as a log that lived a while has
            for (int i = 0; i < 40; i++) {
                LocalOp o = op(++seq);
                slots.append(o);
                model.add(o);
            }
            long gone = seq - 30;
            slots.remove(gone);
            model.removeIf(o -> o.seq() == gone);
            long acked = seq - 35;
            slots.removeThrough(acked, null);
            model.removeIf(o -> o.seq() <= acked);
            int big = 1 << (round + 4);
            slots.reserve(big, big * 3);
            for (int i = 0; i < big; i++) {
                LocalOp o = op(++seq);
                slots.append(o);
                model.add(o);
            }
            assertEquals(model, slots.from(0));
            assertEquals(model.size(), slots.size());
        }
    }
}
