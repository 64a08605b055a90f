package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.SequenceDoc;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public concurrent trace in the repo's traces/ folder replays to its {@code endContent} on
 * every replica: each agent's, one that merges the whole op log, and one loaded from the
 * {@code .md.structure} file of the merged one (issue 11 §3: it once ended scrambled).
 */
class ConcurrentTraceFilesTest {
    @Test
    void friendsForeverEndsWithItsEndContentOnEveryReplica() throws IOException {
        EditingTrace trace = TraceReader.read(Path.of(System.getProperty("weft.traces"), "friendsforever.json.gz"));
        assertThat(trace.concurrent()).isTrue();
        OpLog log = new OpLog((int) trace.characterOps());
        Replay replay = TraceReplayer.replay(trace, log);

        assertThat(replay.replicas()).hasSize(2).allSatisfy(doc -> {
            assertThat(doc.text()).isEqualTo(trace.endContent());
            doc.checkInvariants();
        });
        SequenceDoc merged = Replicas.empty(Replicas.OBSERVER);
        log.applyTo(merged);
        assertThat(merged.text()).isEqualTo(trace.endContent());
        SequenceDoc loaded = ReplicaFiles.load(ReplicaFiles.toBytes(merged));
        assertThat(loaded.text()).isEqualTo(trace.endContent());
        loaded.checkInvariants();
    }
}
