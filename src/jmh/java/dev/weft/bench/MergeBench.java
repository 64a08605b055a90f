package dev.weft.bench;

import dev.weft.app.trace.OpLog;
import dev.weft.app.trace.Replicas;
import dev.weft.crdt.SequenceDoc;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Applying every operation of a replayed trace, in the order made, to an empty replica of another
 * site, as a device does on first sync: {@code merge_ms} of {@code weft trace}.
 */
@State(Scope.Benchmark)
public class MergeBench extends BenchDefaults {
    @Param({"automerge-paper", "seph-blog1", "sveltecomponent"})
    public String trace;

    private OpLog log;

    @Setup
    public void replay() throws IOException {
        log = BenchTraces.replay(trace).log();
    }

    @Benchmark
    public SequenceDoc merge() {
        SequenceDoc doc = Replicas.empty(Replicas.OBSERVER);
        log.applyTo(doc);
        return doc;
    }
}
