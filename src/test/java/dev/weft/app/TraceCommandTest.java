package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.app.trace.ConcurrentTraces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code weft trace} end to end through the {@link Launcher}, on real and hand-written traces. */
class TraceCommandTest {
    private static final String[] KEYS = {"ops", "chars", "ok", "replay_ms", "merge_ms", "encode_ms",
        "load_ms", "structure_bytes", "avg_depth", "max_depth", "heap_bytes_per_atom", "wire_bytes", "save_ms",
        "avg_depth_alive", "pid_runs", "atoms_per_run", "longest_run"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        Places places = new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config"));
        return new Launcher(print(out), print(err), places, stop -> {
            throw new AssertionError("trace starts nothing to stop");
        }).run(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> json() throws IOException {
        assertThat(out().lines()).hasSize(1);
        return JsonLine.parse(out());
    }

    private String write(String json) throws IOException {
        return Files.writeString(dir.resolve("t.json"), json).toString();
    }

    private static String repoTrace(String name) {
        return Path.of(System.getProperty("weft.traces"), name).toString();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            automerge-paper.json.gz, 259778, 104852
            seph-blog1.json.gz,      368209,  56769
            sveltecomponent.json.gz, 169517,  18451
            """)
    void aRealTraceReplaysToItsEndContentAndReportsEveryFigure(String name, long ops, long chars)
            throws IOException {
        assertThat(run("trace", repoTrace(name), "--json", "--runs", "1")).isEqualTo(Launcher.OK);
        assertThat(err()).isEmpty();
        Map<String, Object> json = json();
        assertThat(json).containsKeys(KEYS);
        assertThat(json).containsEntry("ok", true).containsEntry("ops", (int) ops).containsEntry("chars", (int) chars);
        for (String key : new String[] {"replay_ms", "merge_ms", "encode_ms", "load_ms", "save_ms",
            "heap_bytes_per_atom", "structure_bytes", "wire_bytes"}) {
            assertThat(((Number) json.get(key)).doubleValue()).as(key).isPositive();
        }
        double average = ((Number) json.get("avg_depth")).doubleValue();
        assertThat(average).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(((Number) json.get("max_depth")).doubleValue());
    }

    @Test
    void aWrongEndContentIsNotOkAndExitsWithOne() throws IOException {
        String file = write("""
                {"endContent": "hi!?", "txns": [{"patches": [[0, 0, "ho"]]}]}""");
        assertThat(run("trace", file, "--json", "--runs", "1")).isEqualTo(Launcher.FAILED);
        assertThat(json()).containsEntry("ok", false).containsEntry("chars", 4).containsEntry("ops", 2);
        assertThat(err().lines()).containsExactly(
                "weft: " + file + ": replay is wrong: the replica has 2 code points where endContent has 4, "
                        + "and differs from it at code point 1",
                "weft: " + file + ": replay is wrong: the merged replica has 2 code points where endContent "
                        + "has 4, and differs from it at code point 1",
                "weft: " + file + ": replay is wrong: the replica loaded from .md.structure has 2 code points "
                        + "where endContent has 4, and differs from it at code point 1");
    }

    @Test
    void theSharedConcurrentExampleIsOk() throws IOException {
        assertThat(run("trace", repoTrace("example-concurrent.json"), "--json", "--runs", "1"))
                .isEqualTo(Launcher.OK);
        assertThat(json()).containsEntry("ok", true).containsEntry("kind", "concurrent").containsEntry("chars", 12);
    }

    @Test
    void twoAgentsEditingAtOnceAndMergingAreOk() throws IOException {
        assertThat(run("trace", write(ConcurrentTraces.TWO_AGENTS), "--json", "--runs", "1")).isEqualTo(Launcher.OK);
        assertThat(err()).isEmpty();
        assertThat(json()).containsEntry("ok", true).containsKeys(KEYS);
    }

    @Test
    void textTypedInOneGoIsOneRun() throws IOException {
        String file = write("""
                {"endContent": "hello", "txns": [{"patches": [[0, 0, "h"]]}, {"patches": [[1, 0, "e"]]},
                 {"patches": [[2, 0, "l"]]}, {"patches": [[3, 0, "l"]]}, {"patches": [[4, 0, "o"]]}]}""");
        assertThat(run("trace", file, "--json", "--runs", "1")).isEqualTo(Launcher.OK);
        assertThat(json()).containsEntry("pid_runs", 1).containsEntry("atoms_per_run", 5.0)
                .containsEntry("longest_run", 5);
    }

    @Test
    void aCorrectionStartsANewRunThatTypingContinues() throws IOException {
        String file = write("""
                {"endContent": "hello", "txns": [{"patches": [[0, 0, "h"]]}, {"patches": [[1, 0, "e"]]},
                 {"patches": [[2, 0, "l"]]}, {"patches": [[3, 0, "x"]]}, {"patches": [[3, 1, "l"]]},
                 {"patches": [[4, 0, "o"]]}]}""");
        assertThat(run("trace", file, "--json", "--runs", "1")).isEqualTo(Launcher.OK);
        // "hel" and the corrected x as a tombstone, then "lo" typed after the backspace: two runs.
        assertThat(json()).containsEntry("pid_runs", 2).containsEntry("atoms_per_run", 3.0)
                .containsEntry("longest_run", 4);
    }

    @Test
    void withoutJsonItPrintsATable() throws IOException {
        String file = write("""
                {"startContent": "", "endContent": "hé", "txns": [{"patches": [[0, 0, "hé"]]}]}""");
        assertThat(run("trace", file, "--runs", "3")).isEqualTo(Launcher.OK);
        assertThat(out().lines().toList()).hasSize(10).first()
                .isEqualTo("t.json: sequential trace, 1 agent, 2 ops, 2 chars at the end: ok");
        assertThat(out()).contains("median of 3 timed runs after 3 warm-up runs", "local replay",
                "merge into empty", "encode as 33", "save .md.structure", "load .md.structure", "pid depth",
                "atoms per run", "bytes per atom");
    }

    @Test
    void aPatchPastTheEndIsAnInvalidTrace() throws IOException {
        String file = write("""
                {"endContent": "", "txns": [{"patches": [[1, 0, "x"]]}]}""");
        assertThat(run("trace", file)).isEqualTo(Launcher.FAILED);
        assertThat(out()).isEmpty();
        assertThat(err().lines()).containsExactly("weft: " + file + ": not a valid editing trace: "
                + "txns[0].patches[0]: position 1 + delete count 0 is past the end of the 0 code points the "
                + "document has there");
    }
}
