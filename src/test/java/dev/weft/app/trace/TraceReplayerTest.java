package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.SequenceDoc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TraceReplayerTest {
    private static EditingTrace read(String json) throws IOException {
        return TraceReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static SequenceDoc merged(OpLog log) {
        SequenceDoc doc = Replicas.empty(Replicas.OBSERVER);
        log.applyTo(doc);
        return doc;
    }

    @Test
    void aSequentialTraceTypesItsStartThenEveryPatchOnSiteOne() throws IOException {
        EditingTrace trace = read("""
                {"startContent": "ab", "endContent": "a😀xé",
                 "txns": [{"patches": [[1, 0, "😀x"], [3, 1, "é"]]}]}""");
        OpLog log = new OpLog(0);
        Replay replay = TraceReplayer.replay(trace, log);

        assertThat(replay.replicas()).singleElement().satisfies(doc -> {
            assertThat(doc.text()).isEqualTo("a😀xé");
            assertThat(doc.site()).isEqualTo(Replicas.FIRST_SITE);
            doc.checkInvariants();
        });
        assertThat(log.size()).isEqualTo(2 + 2 + 1 + 1);
        assertThat(merged(log).text()).isEqualTo("a😀xé");
    }

    @Test
    void replayingTwiceMakesTheSamePids() throws IOException {
        EditingTrace trace = read(ConcurrentTraces.TWO_AGENTS);
        SequenceDoc first = TraceReplayer.replay(trace, new OpLog(0)).first();
        SequenceDoc second = TraceReplayer.replay(trace, new OpLog(0)).first();
        assertThat(ReplicaFiles.toBytes(second)).isEqualTo(ReplicaFiles.toBytes(first));
    }

    @Test
    void concurrentAgentsForkAndMergeAndEveryReplicaEndsWithEndContent() throws IOException {
        EditingTrace trace = read(ConcurrentTraces.TWO_AGENTS);
        OpLog log = new OpLog(0);
        Replay replay = TraceReplayer.replay(trace, log);

        assertThat(replay.replicas()).hasSize(2).allSatisfy(doc -> {
            assertThat(doc.text()).isEqualTo(trace.endContent());
            doc.checkInvariants();
        });
        assertThat(replay.replicas()).extracting(SequenceDoc::site).containsExactly(1, 2);
        assertThat(merged(log).text()).isEqualTo(trace.endContent());
    }

    @Test
    void theSharedConcurrentExampleReplays() throws IOException {
        EditingTrace trace = TraceReader.read(Path.of(System.getProperty("weft.traces"), "example-concurrent.json"));
        OpLog log = new OpLog(0);
        Replay replay = TraceReplayer.replay(trace, log);
        assertThat(replay.replicas()).extracting(SequenceDoc::text).containsOnly("yoooo ho ho\n");
        assertThat(merged(log).text()).isEqualTo("yoooo ho ho\n");
    }

    @Test
    void anAgentSeesOnlyItsParentsNotWhatOthersTypedMeanwhile() throws IOException {
        // Agent 1 starts from "ab" while agent 0 has deleted the "a": had agent 1's replica seen
        // that, its "c" at position 1 would land after the "b".
        EditingTrace trace = read("""
                {"kind": "concurrent", "numAgents": 2, "endContent": "cb",
                 "txns": [{"parents": [], "agent": 0, "patches": [[0, 0, "ab"]]},
                          {"parents": [0], "agent": 0, "patches": [[0, 1, ""]]},
                          {"parents": [0], "agent": 1, "patches": [[1, 0, "c"]]},
                          {"parents": [1, 2], "agent": 0, "patches": []}]}""");
        Replay replay = TraceReplayer.replay(trace, new OpLog(0));
        assertThat(replay.replicas()).extracting(SequenceDoc::text).containsOnly("cb");
    }

    @Test
    void aPatchPastTheEndOfTheDocumentIsAFormatError() throws IOException {
        EditingTrace trace = read("""
                {"endContent": "", "txns": [{"patches": [[0, 0, "ab"]]}, {"patches": [[1, 2, ""]]}]}""");
        assertThatThrownBy(() -> TraceReplayer.replay(trace, new OpLog(0)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("txns[1].patches[0]: position 1 + delete count 2 is past the end of the 2 code "
                        + "points the document has there");
    }

    @Test
    void anAgentWhoseNextTransactionDoesNotFollowItsLastIsAFormatError() throws IOException {
        EditingTrace trace = read("""
                {"kind": "concurrent", "numAgents": 2, "endContent": "",
                 "txns": [{"parents": [], "agent": 0, "patches": [[0, 0, "a"]]},
                          {"parents": [0], "agent": 1, "patches": [[1, 0, "b"]]},
                          {"parents": [0], "agent": 0, "patches": [[1, 0, "c"]]},
                          {"parents": [0], "agent": 1, "patches": []}]}""");
        assertThatThrownBy(() -> TraceReplayer.replay(trace, new OpLog(0)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("txns[3]: agent 1's previous transaction 1 is not among its ancestors");
    }

    @Test
    void moreAgentsThanSitesIsAFormatError() throws IOException {
        EditingTrace trace = read("""
                {"kind": "concurrent", "numAgents": 255, "endContent": "", "txns": []}""");
        assertThatThrownBy(() -> TraceReplayer.replay(trace, new OpLog(0)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("255 agents");
    }
}
