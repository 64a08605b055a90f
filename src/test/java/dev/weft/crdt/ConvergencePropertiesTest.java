package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * 3-5 replicas edit at random while ops reach the others late, out of order and more than once;
 * once every replica has every op they show the same text.
 */
class ConvergencePropertiesTest {
    private record Op(Pid pid, int codePoint) {
        boolean isDelete() {
            return codePoint < 0;
        }
    }

    private static final String ALPHABET = "abc xyz\né漢😀";

    @Property(tries = 3000, seed = "42")
    void replicasConvergeWhateverTheDeliveryOrder(@ForAll @IntRange(min = 3, max = 5) int replicas,
            @ForAll @IntRange(min = 1, max = 80) int steps, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SequenceDoc> docs = new ArrayList<>();
        List<List<Op>> received = new ArrayList<>();
        int[] sites = random.ints(1, 256).distinct().limit(replicas).toArray(); // the server never reuses a site
        for (int i = 0; i < replicas; i++) {
            docs.add(new SequenceDoc(sites[i], random.split()));
            received.add(new ArrayList<>());
        }
        List<Op> all = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int who = random.nextInt(replicas);
            SequenceDoc doc = docs.get(who);
            if (random.nextInt(4) == 0) {
                deliverSome(doc, all, random);
            } else if (doc.length() > 0 && random.nextInt(3) == 0) {
                int at = random.nextInt(doc.length());
                int n = 1 + random.nextInt(Math.min(3, doc.length() - at));
                doc.delete(at, n, collector(all));
            } else {
                doc.insert(random.nextInt(doc.length() + 1), randomText(random), collector(all));
            }
            doc.checkInvariants();
        }
        for (SequenceDoc doc : docs) {
            List<Op> shuffled = new ArrayList<>(all);
            shuffled.addAll(all.subList(0, all.size() / 3)); // duplicates
            shuffle(shuffled, random);
            for (Op op : shuffled) {
                apply(doc, op);
            }
            doc.checkInvariants();
        }
        String expected = docs.get(0).text();
        for (SequenceDoc doc : docs) {
            assertThat(doc.text()).isEqualTo(expected);
            assertThat(doc.atomCount()).isEqualTo(docs.get(0).atomCount());
        }
    }

    private static void deliverSome(SequenceDoc doc, List<Op> all, SplittableRandom random) {
        if (all.isEmpty()) {
            return;
        }
        int n = 1 + random.nextInt(all.size());
        for (int i = 0; i < n; i++) {
            apply(doc, all.get(random.nextInt(all.size())));
        }
    }

    private static void apply(SequenceDoc doc, Op op) {
        if (op.isDelete()) {
            doc.applyDelete(op.pid());
        } else {
            doc.applyInsert(op.pid(), op.codePoint());
        }
    }

    private static OpSink collector(List<Op> all) {
        return new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                all.add(new Op(pid, codePoint));
            }

            @Override
            public void deleted(Pid pid) {
                all.add(new Op(pid, -1));
            }
        };
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(6);
        int[] cps = ALPHABET.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
