package dev.weft.bench;

import dev.weft.app.trace.EditingTrace;
import dev.weft.app.trace.OpLog;
import dev.weft.app.trace.Replay;
import dev.weft.app.trace.TraceFormatException;
import dev.weft.app.trace.TraceReplayer;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Local replay of a whole trace into a fresh replica, recording every operation into a
 * preallocated op log: what {@code weft trace} reports as {@code replay_ms}.
 */
@State(Scope.Benchmark)
public class TraceReplayBench extends BenchDefaults {
    @Param({"automerge-paper", "seph-blog1", "sveltecomponent"})
    public String trace;

    private EditingTrace editingTrace;
    private OpLog log;

    @Setup
    public void read() throws IOException {
        editingTrace = BenchTraces.read(trace);
        log = BenchTraces.logFor(editingTrace);
    }

    @Benchmark
    public Replay replay() throws TraceFormatException {
        log.clear();
        return TraceReplayer.replay(editingTrace, log);
    }
}
