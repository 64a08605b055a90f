package dev.weft.app;

import dev.weft.app.MedianTimer.Timed;
import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.OpLog;
import dev.weft.app.trace.ReplicaFiles;
import dev.weft.app.trace.ReplicaMessages;
import dev.weft.app.trace.Replay;
import dev.weft.app.trace.Replicas;
import dev.weft.app.trace.TraceReplayer;
import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.MessageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a trace, checks the result and measures it, as {@code weft trace} reports. Every time
 * is the median of {@code runs} timed runs after as many untimed warm-up runs, at least
 * {@link MedianTimer#MIN_WARMUPS} ({@link MedianTimer}).
 *
 * <ul>
 *   <li>{@code ops}: the patches' character operations, inserted plus deleted code points;
 *       {@code chars}: the length of {@code endContent} in code points.
 *   <li>{@code replay_ms}: a full local replay ({@link TraceReplayer}) into fresh replicas (site 1
 *       for a sequential trace, site {@code agent + 1} per agent of a concurrent one, seeded
 *       {@link java.util.SplittableRandom}s), recording every operation into a preallocated
 *       {@link OpLog}. For a concurrent trace it includes bringing every replica up to date.
 *   <li>{@code merge_ms}: applying that op log, every insert and delete in the order they were
 *       made, to an empty replica of site {@link Replicas#OBSERVER}, as a device does on first
 *       sync.
 *   <li>{@code encode_ms}: collecting the alive atoms of the final replica into one
 *       {@code 33 sync_doc_response} (no deletes) and encoding it with {@link MessageCodec};
 *       {@code wire_bytes} is the size of that frame.
 *   <li>{@code save_ms}: writing the final replica's {@code .md.structure} to a temporary folder
 *       with {@code StructureFile.writeAtomically} (forced to disk); {@code load_ms}: reading that
 *       file (page cache warm) and building a replica with {@code SequenceDoc.load};
 *       {@code structure_bytes} is the file's size.
 *   <li>{@code avg_depth}, {@code max_depth}: pid depths over every atom of the final replica,
 *       tombstones included; {@code avg_depth_alive} over its alive atoms.
 *   <li>{@code pid_runs}, {@code atoms_per_run}, {@code longest_run}: the runs
 *       {@link dev.weft.crdt.RunCollector} finds over every atom of the final replica, tombstones
 *       included (printed as {@code runs} in the table; in JSON {@code runs} is the timed runs).
 *   <li>{@code heap_bytes_per_atom}: the used heap after repeated {@link System#gc()}, read through
 *       the {@code MemoryMXBean} ({@link HeapProbe}), before and after merging the op log (held
 *       before the window) into a fresh replica that is kept reachable, divided by its atom count.
 *       Such a replica has the tree shape of the locally edited one (same atoms inserted in the
 *       same order). {@code heap_bytes_per_atom_loaded} is the same for a replica loaded from the
 *       structure file's bytes (held before the window), whose tree is packed densely.
 * </ul>
 *
 * <p>The trace is ok when every replay replica, the merged replica and the loaded replica hold
 * exactly {@code endContent}.
 */
final class TraceMeasurer {
    private static final MessageCodec CODEC = new MessageCodec();
    private static final String STRUCTURE_FILE = "trace.md.structure";

    private final int runs;
    private final MedianTimer timer;

    TraceMeasurer(int runs) {
        this.runs = runs;
        this.timer = new MedianTimer(runs);
    }

    TraceReport measure(Path file, EditingTrace trace) throws IOException {
        EndContentCheck check = new EndContentCheck(trace.endContent());
        List<String> problems = new ArrayList<>();
        OpLog log = new OpLog(Math.toIntExact(trace.characterOps() + codePoints(trace.startContent())));
        Timed<Replay> replay = timer.time(() -> {
            log.clear();
            return TraceReplayer.replay(trace, log);
        });
        List<SequenceDoc> replicas = replay.result().replicas();
        for (int i = 0; i < replicas.size(); i++) {
            String name = trace.concurrent() ? "the replica of agent " + i : "the replica";
            check.check(name, replicas.get(i).text()).ifPresent(problems::add);
        }
        Timed<SequenceDoc> merge = timer.time(() -> merge(log));
        check.check("the merged replica", merge.result().text()).ifPresent(problems::add);
        SequenceDoc last = replay.result().first();
        Timed<byte[]> encode = timer.time(() -> CODEC.encode(ReplicaMessages.wholeDocument(last)));
        FileFigures files = measureFiles(last, check, problems);
        double atoms = Math.max(1, last.atomCount());
        long mergedHeap = HeapProbe.retainedBytes(() -> merge(log));
        return new TraceReport(file, trace.concurrent(), trace.numAgents(), runs, timer.warmups(),
                trace.characterOps(), codePoints(trace.endContent()), problems,
                new TraceReport.Timings(replay.millis(), merge.millis(), encode.millis(), files.saveMillis(),
                        files.loadMillis()),
                new TraceReport.Sizes(encode.result().length, files.bytes(), mergedHeap / atoms,
                        files.loadedHeap() / atoms),
                DepthStats.of(last), RunStats.of(last));
    }

    /** Times saving and loading {@code doc}'s structure file, in a temporary folder removed after. */
    private FileFigures measureFiles(SequenceDoc doc, EndContentCheck check, List<String> problems)
            throws IOException {
        Path dir = Files.createTempDirectory("weft-trace");
        Path structure = dir.resolve(STRUCTURE_FILE);
        try {
            Timed<Path> save = timer.time(() -> {
                ReplicaFiles.write(structure, doc);
                return structure;
            });
            Timed<SequenceDoc> load = timer.time(() -> ReplicaFiles.load(structure));
            check.check("the replica loaded from .md.structure", load.result().text()).ifPresent(problems::add);
            byte[] bytes = Files.readAllBytes(structure);
            long loadedHeap = HeapProbe.retainedBytes(() -> ReplicaFiles.load(bytes));
            return new FileFigures(save.millis(), load.millis(), bytes.length, loadedHeap);
        } finally {
            Files.deleteIfExists(structure);
            Files.delete(dir);
        }
    }

    /**
     * What the structure file costs.
     *
     * @param saveMillis median save time
     * @param loadMillis median load time
     * @param bytes size of the file
     * @param loadedHeap heap retained by a replica loaded from it
     */
    private record FileFigures(double saveMillis, double loadMillis, long bytes, long loadedHeap) {
    }

    private static SequenceDoc merge(OpLog log) {
        SequenceDoc doc = Replicas.empty(Replicas.OBSERVER);
        log.applyTo(doc);
        return doc;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
