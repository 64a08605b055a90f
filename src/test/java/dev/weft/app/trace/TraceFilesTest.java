package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the real traces in the repo's traces/ folder (system property {@code weft.traces}). */
class TraceFilesTest {
    private static Path trace(String name) {
        String folder = System.getProperty("weft.traces");
        assertThat(folder).as("system property weft.traces (set by the pom's surefire config)").isNotNull();
        Path file = Path.of(folder, name);
        assertThat(file).exists();
        return file;
    }

    @Test
    void automergePaperHasItsSingleCharacterInsertsAndDeletes() throws IOException {
        EditingTrace trace = TraceReader.read(trace("automerge-paper.json.gz"));
        int inserts = 0;
        int deletes = 0;
        for (Txn txn : trace.txns()) {
            PatchList patches = txn.patches();
            for (int i = 0; i < patches.size(); i++) {
                Patch p = patches.get(i);
                if (p.deleteCount() == 0 && p.insert().codePointCount(0, p.insert().length()) == 1) {
                    inserts++;
                } else if (p.deleteCount() == 1 && p.insert().isEmpty()) {
                    deletes++;
                }
            }
        }
        assertThat(trace.patchCount()).isEqualTo(259_778);
        assertThat(inserts).isEqualTo(182_315);
        assertThat(deletes).isEqualTo(77_463);
    }

    @Test
    void aSequentialTraceIsOneAgentWithEachTxnAfterThePrevious() throws IOException {
        EditingTrace trace = TraceReader.read(trace("sveltecomponent.json.gz"));
        assertThat(trace.concurrent()).isFalse();
        assertThat(trace.numAgents()).isEqualTo(1);
        assertThat(trace.txns()).hasSize(18_335);
        assertThat(trace.txns().get(0).parents()).isEmpty();
        assertThat(trace.txns().get(7).parents()).containsExactly(6);
        assertThat(trace.txns()).allSatisfy(txn -> assertThat(txn.agent()).isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"automerge-paper.json.gz", "seph-blog1.json.gz", "sveltecomponent.json.gz"})
    void replayingEverySequentialTraceGivesItsEndContent(String name) throws IOException {
        EditingTrace trace = TraceReader.read(trace(name));
        assertThat(ReferenceReplay.replay(trace)).isEqualTo(trace.endContent());
    }

    @Test
    void sephBlogInsertsNonAsciiTextOnTheWay() throws IOException {
        EditingTrace trace = TraceReader.read(trace("seph-blog1.json.gz"));
        boolean nonAscii = false;
        for (Txn txn : trace.txns()) {
            for (int i = 0; i < txn.patches().size(); i++) {
                nonAscii |= txn.patches().insert(i).chars().anyMatch(c -> c > 127);
            }
        }
        assertThat(nonAscii).isTrue();
        assertThat(trace.endContent().codePointCount(0, trace.endContent().length())).isEqualTo(56_769);
    }

    @Test
    void theConcurrentExampleHasItsAgentsParentsAndPatches() throws IOException {
        Path file = trace("example-concurrent.json");
        assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) '{');
        EditingTrace trace = TraceReader.read(file);

        assertThat(trace.concurrent()).isTrue();
        assertThat(trace.numAgents()).isEqualTo(2);
        assertThat(trace.startContent()).isEmpty();
        assertThat(trace.endContent()).isEqualTo("yoooo ho ho\n");
        List<Txn> txns = trace.txns();
        assertThat(txns).extracting(Txn::parents).containsExactly(List.of(), List.of(0), List.of(1));
        assertThat(txns).extracting(Txn::agent).containsExactly(0, 0, 1);
        assertThat(txns.get(1).patches().get(0)).isEqualTo(new Patch(0, 8, ""));
        assertThat(txns.get(1).patches().get(1)).isEqualTo(new Patch(0, 0, "yoooo"));
        assertThat(ReferenceReplay.replay(trace)).isEqualTo(trace.endContent());
    }
}
