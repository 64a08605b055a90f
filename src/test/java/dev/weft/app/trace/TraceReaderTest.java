package dev.weft.app.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderTest {
    private static final String SEQUENTIAL = """
            {"startContent": "ab", "endContent": "axb!",
             "txns": [{"time": "2020-01-01T00:00:00Z", "patches": [[1, 0, "x"]]},
                      {"patches": [[3, 0, "!"], [0, 0, ""]], "extra": {"nested": [1, 2]}}],
             "comment": "unknown fields are ignored"}""";

    private static EditingTrace read(String json) throws IOException {
        return TraceReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsASequentialTraceIgnoringUnknownFields() throws IOException {
        EditingTrace trace = read(SEQUENTIAL);
        assertThat(trace.startContent()).isEqualTo("ab");
        assertThat(trace.concurrent()).isFalse();
        assertThat(trace.txns()).hasSize(2);
        assertThat(trace.txns().get(1).parents()).containsExactly(0);
        assertThat(trace.txns().get(1).patches().get(0)).isEqualTo(new Patch(3, 0, "!"));
        assertThat(trace.patchCount()).isEqualTo(3);
        assertThat(ReferenceReplay.replay(trace)).isEqualTo("axb!");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes() throws IOException {
        byte[] plain = SEQUENTIAL.getBytes(StandardCharsets.UTF_8);
        EditingTrace fromGzip = TraceReader.read(new ByteArrayInputStream(gzip(plain)));
        assertThat(ReferenceReplay.replay(fromGzip)).isEqualTo("axb!");
        assertThat(fromGzip.txns()).hasSize(2);
    }

    @Test
    void readsAConcurrentTraceWhateverTheFieldOrder() throws IOException {
        EditingTrace trace = read("""
                {"txns": [{"agent": 0, "parents": [], "patches": [[0, 0, "a", "2023-01-01T00:00:00Z"]]},
                          {"parents": [0], "agent": 1, "patches": [[1, 0, "b"]]},
                          {"patches": [[0, 0, "c"]], "parents": [0], "agent": 0},
                          {"parents": [1, 2], "agent": 1, "patches": []}],
                 "numAgents": 2, "endContent": "cab", "kind": "concurrent"}""");
        assertThat(trace.concurrent()).isTrue();
        assertThat(trace.numAgents()).isEqualTo(2);
        assertThat(trace.startContent()).isEmpty();
        assertThat(trace.txns()).extracting(Txn::parents)
                .containsExactly(List.of(), List.of(0), List.of(0), List.of(1, 2));
        assertThat(trace.txns()).extracting(Txn::agent).containsExactly(0, 1, 0, 1);
        assertThat(trace.txns().get(0).patches().get(0)).isEqualTo(new Patch(0, 0, "a"));
        assertThat(trace.txns().get(3).patches().size()).isZero();
    }

    @Test
    void patchesOfATxnAreItsOwnSlice() throws IOException {
        PatchList second = read(SEQUENTIAL).txns().get(1).patches();
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.position(1)).isZero();
        assertThat(second.insert(1)).isEmpty();
        assertThatThrownBy(() -> second.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty file                | ''                                                      | the trace must be an object, found the end of the file
            top-level array           | []                                                      | the trace must be an object, found an array
            not JSON                  | '{"txns": [}'                                           | not valid JSON
            cut off                   | '{"txns": [{"patches": [[0, 0'                          | not valid JSON
            no txns                   | '{"endContent": ""}'                                    | txns is missing
            no endContent             | '{"txns": []}'                                          | endContent is missing
            txns not an array         | '{"endContent": "", "txns": {}}'                        | txns must be an array, found an object
            txn not an object         | '{"endContent": "", "txns": [[]]}'                      | txns[0]: a transaction must be an object
            txns twice                | '{"endContent": "", "txns": [], "txns": []}'            | txns appears twice
            patch too short           | '{"endContent": "", "txns": [{"patches": [[0, 0]]}]}'   | txns[0].patches[0]: insert must be a string
            negative position         | '{"endContent": "", "txns": [{"patches": [[-1, 0, ""]]}]}' | txns[0].patches[0]: position must not be negative
            position a string         | '{"endContent": "", "txns": [{"patches": [["1", 0, ""]]}]}' | position must be a whole number, found a string
            fractional delete         | '{"endContent": "", "txns": [{"patches": [[0, 1.5, ""]]}]}' | delete count must be a whole number, found a fractional number
            position too big          | '{"endContent": "", "txns": [{"patches": [[9999999999, 0, ""]]}]}' | not valid JSON
            endContent a number       | '{"endContent": 1, "txns": []}'                         | endContent must be a string, found a whole number
            trailing object           | '{"endContent": "", "txns": []} {}'                     | unexpected content after the trace object
            unknown kind              | '{"kind": "sequential", "endContent": "", "txns": []}'  | unknown kind "sequential"
            no numAgents              | '{"kind": "concurrent", "endContent": "", "txns": []}'  | needs numAgents of at least 1
            no parents                | '{"kind": "concurrent", "numAgents": 1, "endContent": "", "txns": [{"agent": 0, "patches": []}]}' | txns[0]: parents is missing
            no agent                  | '{"kind": "concurrent", "numAgents": 1, "endContent": "", "txns": [{"parents": [], "patches": []}]}' | txns[0]: agent is missing
            agent too big             | '{"kind": "concurrent", "numAgents": 1, "endContent": "", "txns": [{"parents": [], "agent": 1, "patches": []}]}' | txns[0]: agent 1 is not below numAgents 1
            parent not earlier        | '{"kind": "concurrent", "numAgents": 1, "endContent": "", "txns": [{"parents": [0], "agent": 0, "patches": []}]}' | txns[0]: parent 0 is not an earlier transaction
            concurrent with a start   | '{"kind": "concurrent", "numAgents": 1, "startContent": "a", "endContent": "", "txns": []}' | starts from an empty document
            """)
    void aMalformedTraceFailsWithAMessageSayingWhere(String name, String json, String message) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aTruncatedGzipFailsAsAFormatError() throws IOException {
        byte[] whole = gzip(SEQUENTIAL.getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> TraceReader.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void gzipMagicFollowedByGarbageFailsAsAFormatError() {
        byte[] bytes = {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThatThrownBy(() -> TraceReader.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("gzip");
    }
}
