package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Allocation between adversarial neighbours: other sites, idents 0 and 2^32-1, prefixes. */
class PidAllocatorPropertiesTest {
    private static final long MAX = Pid.MAX_IDENT;

    @Provide
    Arbitrary<Long> idents() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, 2L, MAX - 1, MAX, 1L << 31, (1L << 31) - 1),
                Arbitraries.longs().between(0, MAX));
    }

    @Provide
    Arbitrary<Integer> sites() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 7, 8, 9, 254, 255), Arbitraries.integers().between(1, 255));
    }

    @Provide
    Arbitrary<long[]> pids() {
        Arbitrary<Long> pair = Combinators.combine(idents(), sites()).as((i, s) -> Pid.key(s, i));
        return pair.array(long[].class).ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<long[][]> neighbours() {
        Arbitrary<long[][]> unrelated = Combinators.combine(pids(), pids()).as((a, b) -> new long[][] {a, b});
        // One a prefix of the other, or equal but for one site: the hard cases.
        Arbitrary<long[][]> prefixed = Combinators.combine(pids(), pids()).as((a, b) -> new long[][] {a, concat(a, b)});
        Arbitrary<long[][]> sibling = Combinators.combine(pids(), sites()).as((a, s) -> {
            long[] b = a.clone();
            b[b.length - 1] = Pid.key(s, Pid.identOf(a[a.length - 1]));
            return new long[][] {a, b};
        });
        return Arbitraries.oneOf(unrelated, prefixed, sibling);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = new long[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Property(tries = 4000, seed = "20261125")
    void allocatesStrictlyBetweenWithTheOwnSiteLast(@ForAll("neighbours") long[][] pair,
            @ForAll("sites") int site, @ForAll @IntRange(min = 0, max = 2) int openSide) {
        Pid a = Pid.of(pair[0]);
        Pid b = Pid.of(pair[1]);
        int c = a.compareTo(b);
        if (c == 0) {
            return;
        }
        Pid left = c < 0 ? a : b;
        Pid right = c < 0 ? b : a;
        if (openSide == 1) {
            left = null;
        } else if (openSide == 2) {
            right = null;
        }
        if (noPidFits(left, right)) {
            return;
        }
        Pid made = new PidAllocator(site, new SplittableRandom(site)).between(left, right);
        if (left != null) {
            assertThat(made).isGreaterThan(left);
        }
        if (right != null) {
            assertThat(made).isLessThan(right);
        }
        assertThat(made.site()).isEqualTo(site);
        assertThat(made.identAt(made.depth() - 1)).isPositive();
        assertThat(made.depth()).isLessThanOrEqualTo(Math.max(depth(left), depth(right)) + 2);
    }

    private static int depth(Pid p) {
        return p == null ? 0 : p.depth();
    }

    /** True when right is left followed only by (ident 0, site 1) pairs: nothing lies between. */
    private static boolean noPidFits(Pid left, Pid right) {
        if (right == null) {
            return false;
        }
        int from = depth(left);
        if (right.depth() <= from) {
            return false;
        }
        for (int i = 0; i < right.depth(); i++) {
            if (i < from ? right.keyAt(i) != left.keyAt(i) : right.keyAt(i) != Pid.key(1, 0)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void refusesClearlyWhenNothingFits() {
        Pid left = Pid.of(Pid.key(3, 5));
        Pid right = Pid.of(Pid.key(3, 5), Pid.key(1, 0));
        PidAllocator allocator = new PidAllocator(9, new SplittableRandom(1));
        assertThatThrownBy(() -> allocator.between(left, right)).isInstanceOf(PidAllocator.NoRoomException.class);
    }

    /** Types {@code words} six-letter words where {@code where} says, deleting now and then. */
    private static SequenceDoc typeWords(int site, int words, java.util.function.IntUnaryOperator where,
            Set<Pid> made) {
        SequenceDoc doc = new SequenceDoc(site, new SplittableRandom(site));
        OpSink unique = new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                assertThat(made.add(pid)).as("pid %s made twice", pid).isTrue();
            }

            @Override
            public void deleted(Pid pid) {
            }
        };
        for (int i = 0; i < words; i++) {
            int at = where.applyAsInt(doc.length());
            for (int k = 0; k < 6; k++) {
                doc.insert(at + k, "w", unique);
            }
            if (i % 3 == 0) {
                doc.delete(at + 5, 1, unique);
            }
        }
        doc.checkInvariants();
        return doc;
    }

    private static double averageDepth(SequenceDoc doc, int[] max) {
        long[] sum = new long[1];
        doc.forEachAtom((keys, offset, depth, cp) -> {
            sum[0] += depth;
            max[0] = Math.max(max[0], depth);
        });
        return (double) sum[0] / doc.atomCount();
    }

    @Property(tries = 40, seed = "7")
    void typingAtTheFrontTheEndOrAnywhereKeepsPidsShortAndNeverReusesOne(
            @ForAll @IntRange(min = 1, max = 255) int site, @ForAll @IntRange(min = 0, max = 2) int pattern) {
        SplittableRandom random = new SplittableRandom(site);
        java.util.function.IntUnaryOperator where = switch (pattern) {
            case 0 -> length -> 0;
            case 1 -> length -> length;
            default -> length -> random.nextInt(length + 1);
        };
        Set<Pid> made = new HashSet<>();
        SequenceDoc doc = typeWords(site, 1500, where, made);
        int[] max = {0};
        double average = averageDepth(doc, max);
        assertThat(made).hasSize(9000);
        // At the end each correction (every third word) jumps ahead on its level and spends room
        // (docs/crdt.md, "Anchor order"): ~2.63 levels, max 5 there, so 3.0 and 6 leave a margin.
        assertThat(average).isLessThanOrEqualTo(switch (pattern) {
            case 0 -> 2.0;
            case 1 -> 3.0;
            default -> 4.0;
        });
        assertThat(max[0]).isLessThanOrEqualTo(switch (pattern) {
            case 0 -> 3;
            case 1 -> 6;
            default -> 8;
        });
    }

    @Test
    void typingBackwardsKeepsPidsShort() {
        SequenceDoc doc = new SequenceDoc(3, new SplittableRandom(3));
        for (int i = 0; i < 3000; i++) {
            doc.insert(0, "x", OpSink.NONE);
        }
        int[] max = {0};
        assertThat(averageDepth(doc, max)).isLessThan(2.0);
        assertThat(max[0]).isLessThanOrEqualTo(3);
    }

    @Test
    void nestingEveryInsertInThePreviousOneEndsInAClearRefusalNotCorruption() {
        // Each word lands inside the word before it: the worst case for any fixed-width pid level.
        SequenceDoc doc = new SequenceDoc(9, new SplittableRandom(9));
        int words = 0;
        try {
            for (; words < 5000; words++) {
                int at = doc.length() / 2;
                for (int k = 0; k < 6; k++) {
                    doc.insert(at + k, "w", OpSink.NONE);
                }
            }
        } catch (PidAllocator.NoRoomException expected) {
            assertThat(words).isGreaterThan(300);
        }
        doc.checkInvariants();
        assertThat(doc.text()).matches("w*");
    }
}
