package dev.weft.bench;

import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.OpLog;
import dev.weft.app.trace.TraceReader;
import dev.weft.app.trace.TraceReplayer;
import dev.weft.crdt.SequenceDoc;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The editing traces the benchmarks run on: {@code NAME.json.gz} in the folder named by the system
 * property {@code weft.traces}, by default {@code traces}.
 */
final class BenchTraces {
    private BenchTraces() {
    }

    /**
     * A trace replayed once.
     *
     * @param log every operation of the replay, in the order made
     * @param doc the final replica
     */
    record Replayed(OpLog log, SequenceDoc doc) {
    }

    /** Reads trace {@code name} ({@code automerge-paper}, for one). */
    static EditingTrace read(String name) throws IOException {
        Path folder = Path.of(System.getProperty("weft.traces", "traces"));
        return TraceReader.read(folder.resolve(name + ".json.gz"));
    }

    /** An op log with room for every operation of {@code trace}. */
    static OpLog logFor(EditingTrace trace) {
        return new OpLog(Math.toIntExact(trace.characterOps() + trace.startContent().length()));
    }

    /** Reads trace {@code name} and replays it once. */
    static Replayed replay(String name) throws IOException {
        EditingTrace trace = read(name);
        OpLog log = logFor(trace);
        return new Replayed(log, TraceReplayer.replay(trace, log).first());
    }
}
