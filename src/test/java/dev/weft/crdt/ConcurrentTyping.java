package dev.weft.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Replicas typing as people do and exchanging their ops, for the CRDT's property tests. */
final class ConcurrentTyping {
    /** One op a replica made: an insert, or a delete ({@code codePoint} -1). */
    record Op(Pid pid, int codePoint) {
    }

    /**
     * Devices that each typed one run of their own letter at one place of a shared text of
     * {@code ~}, all runs then applied on every device.
     *
     * @param docs the devices' replicas, merged
     * @param at where the runs were typed
     * @param runs each device's run
     */
    record RunsAtOnePlace(List<SequenceDoc> docs, int at, List<String> runs) {
    }

    private ConcurrentTyping() {
    }

    static RunsAtOnePlace runsAtOnePlace(int devices, int baseLength, int runLength, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SequenceDoc origin = new SequenceDoc(1 + random.nextInt(255), random.split());
        List<Op> base = new ArrayList<>();
        type(origin, 0, "~".repeat(baseLength), base);
        int at = random.nextInt(baseLength + 1);
        List<SequenceDoc> docs = new ArrayList<>();
        List<List<Op>> typed = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        List<Integer> sites = random.ints(1, 256).distinct().limit(devices).boxed().toList();
        for (int d = 0; d < devices; d++) {
            SequenceDoc doc = new SequenceDoc(sites.get(d), random.split());
            applyAll(doc, base);
            List<Op> ops = new ArrayList<>();
            String run = String.valueOf((char) ('A' + d)).repeat(runLength);
            type(doc, at, run, ops);
            docs.add(doc);
            typed.add(ops);
            runs.add(run);
        }
        for (SequenceDoc doc : docs) {
            typed.forEach(ops -> applyAll(doc, ops));
        }
        return new RunsAtOnePlace(docs, at, runs);
    }

    /** Types text code point by code point at {@code at}, as a person does. */
    static void type(SequenceDoc doc, int at, String text, List<Op> ops) {
        int i = 0;
        for (int t = 0; t < text.length(); t += Character.charCount(text.codePointAt(t))) {
            doc.insert(at + i++, new String(Character.toChars(text.codePointAt(t))), into(ops));
        }
    }

    static OpSink into(List<Op> ops) {
        return new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                ops.add(new Op(pid, codePoint));
            }

            @Override
            public void deleted(Pid pid) {
                ops.add(new Op(pid, -1));
            }
        };
    }

    static void applyAll(SequenceDoc doc, List<Op> ops) {
        for (Op op : ops) {
            if (op.codePoint() < 0) {
                doc.applyDelete(op.pid());
            } else {
                doc.applyInsert(op.pid(), op.codePoint());
            }
        }
    }
}
