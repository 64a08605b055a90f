package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A clone builds and tests with nothing beside it: no source, test, build or CI file reads a sibling folder. */
class RepoStandsAloneTest {
    /** Spelt in two parts so that this file does not name it. */
    private static final String SIBLING = ".." + "/shared";

    @Test
    void noBuildSourceTestOrCiFileNamesTheSharedFolder() throws IOException {
        List<Path> roots = List.of(Path.of("src"), Path.of("pom.xml"), Path.of(".ci"), Path.of("jpackage"));
        List<String> offenders;
        try (Stream<Path> files = roots.stream().filter(Files::exists).flatMap(RepoStandsAloneTest::walk)) {
            offenders = files.filter(Files::isRegularFile).filter(RepoStandsAloneTest::namesSibling)
                    .map(Path::toString).sorted().toList();
        }
        assertThat(offenders).as("files that name " + SIBLING).isEmpty();
    }

    @Test
    void theTracesTheTestsReadAreInTheRepo() {
        assertThat(Path.of("traces", "README.md")).exists();
        assertThat(Path.of("traces", "friendsforever.json.gz")).exists();
        assertThat(Path.of(System.getProperty("weft.traces"))).isEqualTo(Path.of("traces").toAbsolutePath());
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean namesSibling(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SIBLING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
