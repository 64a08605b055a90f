package dev.weft.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SeqSlots} holds a paste as one run: what it gives back is exactly what was put, when the
 * run is cut in the middle, trimmed at the front, read in parts, or an op is put out of order.
 */
class SeqSlotsRunsTest {
    private static final long MICROS = 77;

    /** Insert {@code k} of a paste: pid (1,5)(2, 10 + 3k), seq 100 + k. */
    private static LocalOp pasted(int k) {
        return new LocalOp.Insert(100 + k, MICROS, new Atom(Pid.of(Pid.key(1, 5), Pid.key(2, 10 + 3L * k)), 'a' + k % 26));
    }

    @Test
    void aPasteIsOneRunAndReadsBackOpByOp() {
        SeqSlots slots = new SeqSlots();
        List<LocalOp> model = new ArrayList<>();
        slots.reserve(10_000, 20_000);
        for (int k = 0; k < 10_000; k++) {
            model.add(pasted(k));
            slots.append(pasted(k));
        }
        assertEquals(1, slots.runs());
        assertEquals(model, slots.from(0));
        assertEquals(model.subList(0, 50), slots.between(0, slots.end(), 50));
        assertEquals(100 + 4_321, slots.at(slots.indexAbove(100 + 4_320)).seq());
        assertEquals(slots.end(), slots.indexAbove(100 + 10_000));
        assertEquals(0, slots.indexAbove(5));
    }

    @Test
    void cutsTrimsAndOpsOutOfOrderKeepEveryOtherOp() {
        SeqSlots slots = new SeqSlots();
        List<LocalOp> model = new ArrayList<>();
        for (int k = 0; k < 1_000; k++) {
            model.add(pasted(k));
            slots.append(pasted(k));
        }
        // a rename and a delete after the paste, then another paste of the same run's next pids, later
        LocalOp rename = new LocalOp.Rename(1_200, MICROS, "n");
        LocalOp delete = new LocalOp.Delete(1_201, MICROS + 1, Pid.single(1, 9));
        for (LocalOp op : List.of(rename, delete)) {
            model.add(op);
            slots.append(op);
        }
        for (int k = 2_000; k < 2_010; k++) {
            model.add(pasted(k));
            slots.append(pasted(k));
        }
        assertEquals(4, slots.runs());
        for (long seq : new long[] {100 + 500, 100 + 501, 100 + 999, 1_201, 100 + 2_005}) {
            slots.remove(seq);
            model.removeIf(o -> o.seq() == seq);
        }
        assertEquals(model, slots.from(0));
        assertEquals(model.size(), slots.size());
        assertNull(slots.at(slots.indexAbove(100 + 499)));
        slots.removeThrough(100 + 250, null);
        model.removeIf(o -> o.seq() <= 100 + 250);
        assertEquals(model, slots.from(0));
        LocalOp early = new LocalOp.Delete(1_100, MICROS, Pid.single(3, 4));
        slots.put(early);
        model.add(model.indexOf(rename), early);
        assertEquals(model, slots.from(0));
        assertEquals(100 + 2_009, slots.lastLiveSeq());
        slots.removeThrough(5_000, null);
        assertEquals(List.of(), slots.from(0));
        assertEquals(0, slots.size());
    }
}
