package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {
    @Test
    void usageNamesEveryCommandAndOption() {
        assertThat(Usage.TEXT).contains("weft --vault DIR", "weft --server", "weft pair-code",
                "weft devices", "weft revoke NAME", "weft sync", "weft trace FILE", "--help", "-h",
                "--version", "--port N", "--data DIR", "--bind ADDR", "--tls-cert FILE",
                "--tls-key FILE", "--no-tls", "--insecure-no-tls", "--pair LINK", "--watch", "--runs N", "--json");
    }

    @Test
    void usageShowsTheDefaultsTheParserUses() {
        assertThat(Usage.TEXT).contains("default " + TopLevelLine.DEFAULT_PORT,
                "default " + TopLevelLine.DEFAULT_BIND, "at most " + CommandLine.MAX_RUNS);
    }

    @Test
    void usageLinesFitAnEightyColumnTerminal() {
        assertThat(Usage.TEXT.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
}
