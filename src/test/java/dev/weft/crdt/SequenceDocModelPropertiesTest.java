package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Local edits in UTF-16 offsets behave exactly like the same edits on a StringBuilder. */
class SequenceDocModelPropertiesTest {
    private static final String[] PIECES = {"a", "bc", "😀", "漢字", "e\u0301", "\n", "🇫🇷x", " "};

    @Property(tries = 3000, seed = "1125")
    void utf16EditsMatchAStringBuilder(@ForAll @IntRange(min = 1, max = 120) int steps, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SequenceDoc doc = new SequenceDoc(1 + random.nextInt(255), random.split());
        StringBuilder model = new StringBuilder();
        for (int s = 0; s < steps; s++) {
            if (model.length() > 0 && random.nextInt(3) == 0) {
                int from = boundary(model, random.nextInt(model.length() + 1));
                int to = boundary(model, Math.min(model.length(), from + random.nextInt(6)));
                doc.deleteUtf16(from, to - from, OpSink.NONE);
                model.delete(from, to);
            } else {
                int at = boundary(model, random.nextInt(model.length() + 1));
                String piece = PIECES[random.nextInt(PIECES.length)];
                doc.insertUtf16(at, piece, OpSink.NONE);
                model.insert(at, piece);
            }
            doc.checkInvariants();
            assertThat(doc.utf16Length()).isEqualTo(model.length());
        }
        assertThat(doc.text()).isEqualTo(model.toString());
        assertThat(doc.length()).isEqualTo(model.codePointCount(0, model.length()));
    }

    /** Moves an offset off the middle of a surrogate pair, as a text component's caret would be. */
    private static int boundary(CharSequence s, int at) {
        if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))
                && Character.isHighSurrogate(s.charAt(at - 1))) {
            return at - 1;
        }
        return at;
    }
}
