package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every {@code src/test/resources/fuzztests/*.hex} forever: each must fail with a
 * {@link ProtocolException} whose reason contains the file's {@code # expect:} text. A file is
 * {@code #} comment lines and hex lines (spaces ignored).
 */
class KnownBadInputsTest {
    private static final String EXPECT = "# expect:";

    private final MessageCodec codec = new MessageCodec();

    @TestFactory
    Stream<DynamicTest> everyKnownBadInputFailsForItsReason() throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource("fuzztests");
        assertThat(folder).as("fuzztests folder on the test class path").isNotNull();
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
            files = listing.filter(p -> p.toString().endsWith(".hex")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
    }

    private void replay(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String expected = lines.stream().filter(l -> l.startsWith(EXPECT)).findFirst()
                .map(l -> l.substring(EXPECT.length()).trim())
                .orElseThrow(() -> new AssertionError(file + " has no " + EXPECT + " line"));
        byte[] input = Hex.bytes(lines.stream().filter(l -> !l.startsWith("#")).toArray(String[]::new));
        assertThatThrownBy(() -> codec.decodeFrame(input))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.reason()).contains(expected);
                    assertThat(e.closeCode()).isEqualTo(ProtocolException.PROTOCOL_ERROR);
                });
    }
}
