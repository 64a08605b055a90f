package dev.weft.bench;

import dev.weft.app.trace.ReplicaMessages;
import dev.weft.protocol.Message;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.SyncDocResponse;
import java.io.IOException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding and decoding one {@code 33 sync_doc_response} that holds every alive atom of a replayed
 * trace, the message a device gets for a document it has never seen.
 */
@State(Scope.Benchmark)
public class CodecBench extends BenchDefaults {
    @Param({"automerge-paper"})
    public String trace;

    private final MessageCodec codec = new MessageCodec();
    private SyncDocResponse message;
    private byte[] frame;

    @Setup
    public void encodeOnce() throws IOException {
        message = ReplicaMessages.wholeDocument(BenchTraces.replay(trace).doc());
        frame = codec.encode(message);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(message);
    }

    @Benchmark
    public List<Message> decode() throws ProtocolException {
        return codec.decodeFrame(frame);
    }
}
