package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Where a local insert goes among tombstones, and why it matters once edits meet: the case that
 * scrambled friendsforever.json.gz (issue 11 §3) and its mirror image.
 */
class InsertPointTest {
    /** The ops one replica made, to send to another. */
    private static final class Outbox implements OpSink {
        final List<Pid> pids = new ArrayList<>();
        final List<Integer> codePoints = new ArrayList<>();

        @Override
        public void inserted(Pid pid, int codePoint) {
            pids.add(pid);
            codePoints.add(codePoint);
        }

        @Override
        public void deleted(Pid pid) {
            pids.add(pid);
            codePoints.add(-1);
        }

        void sendTo(SequenceDoc doc) {
            for (int i = 0; i < pids.size(); i++) {
                if (codePoints.get(i) < 0) {
                    doc.applyDelete(pids.get(i));
                } else {
                    doc.applyInsert(pids.get(i), codePoints.get(i));
                }
            }
            pids.clear();
            codePoints.clear();
        }
    }

    private static void type(SequenceDoc doc, int at, String text, OpSink sink) {
        for (int i = 0; i < text.length(); i++) {
            doc.insert(at + i, text.substring(i, i + 1), sink);
        }
    }

    @RepeatedTest(50)
    void theAuthorRetypingInPlaceOfItsDeletedCharacterStaysBeforeWhatAnotherTypedAfterIt(RepetitionInfo info) {
        long seed = info.getCurrentRepetition();
        SequenceDoc a = new SequenceDoc(1, new SplittableRandom(seed));
        SequenceDoc b = new SequenceDoc(2, new SplittableRandom(~seed));
        Outbox fromA = new Outbox();
        Outbox fromB = new Outbox();
        type(a, 0, "in the 90s.\n\nNext", fromA);
        fromA.sendTo(b);
        // B types after the "." while A, not knowing, replaces the "." with ", huh?".
        type(b, 11, " The", fromB);
        a.delete(10, 1, fromA);
        type(a, 10, ", hu", fromA);
        fromB.sendTo(a);
        fromA.sendTo(b);
        assertThat(a.text()).isEqualTo(b.text()).isEqualTo("in the 90s, hu The\n\nNext");
        // Both go on typing where they see their text end.
        type(a, 14, "h?", fromA);
        type(b, 18, " whole", fromB);
        fromA.sendTo(b);
        fromB.sendTo(a);
        assertThat(a.text()).isEqualTo(b.text()).isEqualTo("in the 90s, huh? The whole\n\nNext");
        a.checkInvariants();
        b.checkInvariants();
    }

    @RepeatedTest(50)
    void retypingInPlaceOfAnotherSitesDeletedCharacterStaysBeforeThatSitesNextTyping(RepetitionInfo info) {
        long seed = info.getCurrentRepetition();
        SequenceDoc a = new SequenceDoc(3, new SplittableRandom(seed));
        SequenceDoc b = new SequenceDoc(2, new SplittableRandom(~seed));
        Outbox fromA = new Outbox();
        Outbox fromB = new Outbox();
        type(b, 0, "hello", fromB);
        fromB.sendTo(a);
        // A replaces B's "o" with "!" while B, not knowing, goes on typing after its "o".
        a.delete(4, 1, fromA);
        type(a, 4, "!", fromA);
        type(b, 5, " world", fromB);
        fromA.sendTo(b);
        fromB.sendTo(a);
        assertThat(a.text()).isEqualTo(b.text()).isEqualTo("hell! world");
    }

    @Test
    void typingAfterABackspaceContinuesTheRunOnItsLevel() {
        SequenceDoc d = new SequenceDoc(5, new SplittableRandom(1));
        Outbox ops = new Outbox();
        type(d, 0, "abc", ops);
        d.delete(2, 1, OpSink.NONE);
        type(d, 2, "d", ops);
        assertThat(d.text()).isEqualTo("abd");
        assertThat(ops.pids).extracting(Pid::depth).containsOnly(1);
        assertThat(ops.pids.get(3)).isGreaterThan(ops.pids.get(2)); // after its own tombstone
    }

    @Test
    void anInsertStopsInFrontOfAnotherSitesTombstone() {
        SequenceDoc a = new SequenceDoc(1, new SplittableRandom(1));
        SequenceDoc b = new SequenceDoc(2, new SplittableRandom(2));
        Outbox fromB = new Outbox();
        type(b, 0, "xy", fromB);
        Pid y = fromB.pids.get(1);
        fromB.sendTo(a);
        a.delete(1, 1, OpSink.NONE);
        Outbox fromA = new Outbox();
        a.insert(1, "z", fromA);
        assertThat(fromA.pids.get(0)).isLessThan(y);
    }
}
