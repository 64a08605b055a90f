package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequenceDocTest {
    private static SequenceDoc doc(int site) {
        return new SequenceDoc(site, new SplittableRandom(site));
    }

    /** Records the ops a local edit produced. */
    static final class Recorder implements OpSink {
        final List<Atom> inserts = new ArrayList<>();
        final List<Pid> deletes = new ArrayList<>();

        @Override
        public void inserted(Pid pid, int codePoint) {
            inserts.add(new Atom(pid, codePoint));
        }

        @Override
        public void deleted(Pid pid) {
            deletes.add(pid);
        }
    }

    @Test
    void localEditsBuildTheText() {
        SequenceDoc d = doc(1);
        d.insert(0, "hello world", OpSink.NONE);
        d.insert(5, ",", OpSink.NONE);
        d.delete(0, 1, OpSink.NONE);
        d.insert(0, "H", OpSink.NONE);
        assertThat(d.text()).isEqualTo("Hello, world");
        assertThat(d.length()).isEqualTo(12);
        assertThat(d.atomCount()).isEqualTo(13);
        d.checkInvariants();
    }

    @Test
    void emojiCjkAndCombiningMarksRoundTripAsOneAtomPerCodePoint() {
        SequenceDoc d = doc(1);
        String text = "a😀b漢字e\u0301🇫🇷";
        d.insert(0, text, OpSink.NONE);
        assertThat(d.text()).isEqualTo(text);
        assertThat(d.length()).isEqualTo(text.codePointCount(0, text.length()));
        assertThat(d.utf16Length()).isEqualTo(text.length());
        assertThat(d.cpIndexOfUtf16(3)).isEqualTo(2); // after "a😀"
        assertThat(d.utf16OfCpIndex(2)).isEqualTo(3);
    }

    @Test
    void utf16EditsMatchWhatSwingWouldDo() {
        SequenceDoc d = doc(1);
        StringBuilder swing = new StringBuilder();
        d.insertUtf16(0, "x😀y", OpSink.NONE);
        swing.insert(0, "x😀y");
        d.insertUtf16(3, "🎉", OpSink.NONE);
        swing.insert(3, "🎉");
        d.deleteUtf16(1, 2, OpSink.NONE);
        swing.delete(1, 3);
        assertThat(d.text()).isEqualTo(swing.toString()).isEqualTo("x🎉y");
    }

    @Test
    void aUtf16OffsetInsideASurrogatePairIsRefused() {
        SequenceDoc d = doc(1);
        d.insert(0, "😀", OpSink.NONE);
        assertThatThrownBy(() -> d.insertUtf16(1, "x", OpSink.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.insert(0, "\uD800", OpSink.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(d.text()).isEqualTo("😀");
    }

    @Test
    void localEditsReportTheirOps() {
        SequenceDoc d = doc(7);
        Recorder rec = new Recorder();
        d.insert(0, "ab", rec);
        d.delete(0, 1, rec);
        assertThat(rec.inserts).extracting(Atom::codePoint).containsExactly((int) 'a', (int) 'b');
        assertThat(rec.inserts).allSatisfy(a -> assertThat(a.pid().site()).isEqualTo(7));
        assertThat(rec.inserts.get(0).pid()).isLessThan(rec.inserts.get(1).pid());
        assertThat(rec.deletes).containsExactly(rec.inserts.get(0).pid());
    }

    @Test
    void remoteOpsReportTheUtf16OffsetTheyChanged() {
        SequenceDoc a = doc(1);
        Recorder rec = new Recorder();
        a.insert(0, "😀b", rec);
        SequenceDoc b = doc(2);
        assertThat(b.applyInsert(rec.inserts.get(1).pid(), 'b')).isEqualTo(0);
        assertThat(b.applyInsert(rec.inserts.get(0).pid(), 0x1F600)).isEqualTo(0);
        assertThat(b.text()).isEqualTo("😀b");
        assertThat(b.applyDelete(rec.inserts.get(1).pid())).isEqualTo(2);
        assertThat(b.applyDelete(rec.inserts.get(1).pid())).isEqualTo(-1);
        assertThat(b.applyInsert(rec.inserts.get(0).pid(), 0x1F600)).isEqualTo(-1);
    }

    @Test
    void insertAndDeleteAreIdempotentAndCommute() {
        SequenceDoc a = doc(1);
        Recorder rec = new Recorder();
        a.insert(0, "xyz", rec);
        Pid y = rec.inserts.get(1).pid();
        SequenceDoc b = doc(2);
        assertThat(b.applyDelete(y)).isEqualTo(-1); // unknown pid: recorded as a tombstone
        for (Atom atom : rec.inserts) {
            b.applyInsert(atom.pid(), atom.codePoint());
            b.applyInsert(atom.pid(), atom.codePoint());
        }
        assertThat(b.text()).isEqualTo("xz");
        assertThat(b.contains(y)).isTrue();
        assertThat(b.indexOf(y)).isEqualTo(-1);
        assertThat(b.indexOf(rec.inserts.get(2).pid())).isEqualTo(1);
        b.checkInvariants();
    }

    @Test
    void pidAtAndIndexOfAreInverse() {
        SequenceDoc d = doc(3);
        d.insert(0, "the quick brown fox", OpSink.NONE);
        d.delete(4, 6, OpSink.NONE);
        for (int i = 0; i < d.length(); i++) {
            assertThat(d.indexOf(d.pidAt(i))).isEqualTo(i);
        }
    }

    @Test
    void copiesAndLoadsAreIndependentReplicas() {
        SequenceDoc a = doc(1);
        a.insert(0, "shared", OpSink.NONE);
        a.delete(0, 1, OpSink.NONE);
        SequenceDoc b = a.copy(2, new SplittableRandom(9));
        b.insert(b.length(), "!", OpSink.NONE);
        assertThat(a.text()).isEqualTo("hared");
        assertThat(b.text()).isEqualTo("hared!");
        assertThat(b.atomCount()).isEqualTo(7);
        b.checkInvariants();
    }

    @Test
    void loadRefusesAtomsOutOfOrder() {
        AtomSource backwards = v -> {
            v.visit(new long[] {Pid.key(1, 9)}, 0, 1, 'a');
            v.visit(new long[] {Pid.key(1, 3)}, 0, 1, 'b');
        };
        assertThatThrownBy(() -> SequenceDoc.load(backwards, 1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of pid order");
    }

    @Test
    void deleteOutsideTheTextIsRefused() {
        SequenceDoc d = doc(1);
        d.insert(0, "abc", OpSink.NONE);
        assertThatThrownBy(() -> d.delete(2, 2, OpSink.NONE)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> d.insert(4, "x", OpSink.NONE)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(d.text()).isEqualTo("abc");
    }

    @Test
    void aLargeDocumentSplitsNodesAndKeepsItsInvariants() {
        SequenceDoc d = doc(1);
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder model = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            int at = r.nextInt(model.length() + 1);
            String s = Character.toString('a' + r.nextInt(26));
            d.insert(at, s, OpSink.NONE);
            model.insert(at, s);
            if (i % 3 == 0 && model.length() > 0) {
                int del = r.nextInt(model.length());
                d.delete(del, 1, OpSink.NONE);
                model.deleteCharAt(del);
            }
        }
        d.checkInvariants();
        assertThat(d.text()).isEqualTo(model.toString());
    }
}
