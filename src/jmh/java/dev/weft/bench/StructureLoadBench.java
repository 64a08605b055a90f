package dev.weft.bench;

import dev.weft.app.trace.ReplicaFiles;
import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.CorruptStructureException;
import dev.weft.protocol.StructureFile;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building a replica from the bytes of a replayed trace's {@code .md.structure}: {@code load_ms}
 * of {@code weft trace} without the file read ({@code load}); and only decoding those bytes, every
 * atom handed to a visitor that keeps nothing ({@code read}).
 */
@State(Scope.Benchmark)
public class StructureLoadBench extends BenchDefaults {
    @Param({"automerge-paper"})
    public String trace;

    private byte[] structure;

    @Setup
    public void write() throws IOException {
        structure = ReplicaFiles.toBytes(BenchTraces.replay(trace).doc());
    }

    @Benchmark
    public SequenceDoc load() throws CorruptStructureException {
        return ReplicaFiles.load(structure);
    }

    @Benchmark
    public long read() throws CorruptStructureException {
        long[] checksum = new long[1];
        StructureFile.read(structure, (keys, offset, depth, codePoint) -> checksum[0] += keys[offset + depth - 1] ^ codePoint);
        return checksum[0];
    }
}
