package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        Places places = new Places(dir.resolve("Weft"), dir.resolve("data"), dir.resolve("config"));
        return new Launcher(print(out), print(err), places, stop -> {
            throw new AssertionError("only ServerCommandTest starts a server");
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

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertThat(run("--help")).isEqualTo(Launcher.OK);
        assertThat(out()).isEqualTo(Usage.TEXT);
        assertThat(err()).isEmpty();
    }

    @Test
    void versionPrintsTheNameAndVersion() {
        assertThat(run("--version")).isEqualTo(Launcher.OK);
        assertThat(out()).isEqualTo("weft " + AppVersion.UNKNOWN + System.lineSeparator());
    }

    @Test
    void aWrongArgumentGivesOneErrorLineAndTheHelpHint() {
        assertThat(run("--server", "--port", "0")).isEqualTo(Launcher.USAGE);
        assertThat(out()).isEmpty();
        assertThat(err().lines()).containsExactly(
                "weft: --port must be a whole number from 1 to 65535, not '0'",
                "Run 'weft --help' for usage.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pair-code", "devices", "revoke phone"})
    void askingAServerThatIsNotRunningFailsWithOneLine(String args) {
        assertThat(run(args.split(" "))).isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).containsExactly("weft: no Weft server is running with data dir " + dir.resolve("data"));
    }

    @Test
    void aMissingTraceFileFailsWithOneLine() {
        assertThat(run("trace", dir.resolve("absent.json").toString())).isEqualTo(Launcher.FAILED);
        assertThat(err().lines()).singleElement().asString().endsWith("absent.json: no such file");
    }

    @Test
    void aMalformedTraceFileFailsSayingWhere() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"endContent\": \"\", \"txns\": [{\"patches\": [[-1, 0, \"\"]]}]}");
        assertThat(run("trace", file.toString())).isEqualTo(Launcher.FAILED);
        assertThat(err()).contains("not a valid editing trace: txns[0].patches[0]: position must not be negative");
        assertThat(err().lines()).hasSize(1);
    }
}
