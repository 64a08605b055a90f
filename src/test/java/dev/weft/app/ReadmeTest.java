package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's command line reference and CI's test command in step with the code. */
class ReadmeTest {
    private static final String TEST_COMMAND = "xvfb-run -a mvn -B verify";

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }

    @Test
    void readmeShowsTheCurrentHelpText() throws IOException {
        assertThat(read("README.md")).contains("```text\n" + Usage.TEXT + "```");
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        assertThat(read("README.md")).contains("```sh\n" + TEST_COMMAND + "\n```");
        assertThat(read(".ci/run").strip()).endsWith("\n" + TEST_COMMAND);
    }
}
