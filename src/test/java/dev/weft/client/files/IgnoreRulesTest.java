package dev.weft.client.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
    private static boolean file(String rules, String path) {
        return IgnoreRules.parse(rules).ignores(path, false);
    }

    private static boolean folder(String rules, String path) {
        return IgnoreRules.parse(rules).ignores(path, true);
    }

    @Test
    void noRulesIgnoreNothing() {
        assertThat(IgnoreRules.NONE.ignores("a/b.png", false)).isFalse();
        assertThat(file("", "a.png")).isFalse();
        assertThat(file("# *.png\n\n   \n", "a.png")).isFalse();
    }

    @Test
    void aNameWithoutSlashMatchesAtEveryLevel() {
        assertThat(file("*.psd", "a.psd")).isTrue();
        assertThat(file("*.psd", "x/y/a.psd")).isTrue();
        assertThat(file("*.psd", "a.psd.png")).isFalse();
        assertThat(file("build", "x/build")).isTrue();
        assertThat(file("build", "x/build/out.bin")).isTrue();
        assertThat(file("build", "x/builder")).isFalse();
    }

    @Test
    void aSlashAnchorsToTheRoot() {
        assertThat(file("/out.bin", "out.bin")).isTrue();
        assertThat(file("/out.bin", "x/out.bin")).isFalse();
        assertThat(file("raw/*.tif", "raw/a.tif")).isTrue();
        assertThat(file("raw/*.tif", "x/raw/a.tif")).isFalse();
        assertThat(file("raw/*.tif", "raw/sub/a.tif")).isFalse();
    }

    @Test
    void starAndQuestionMarkStayWithinASegment() {
        assertThat(file("a*z", "abcz")).isTrue();
        assertThat(file("/a*z", "ab/cz")).isFalse();
        assertThat(file("img?.png", "img1.png")).isTrue();
        assertThat(file("img?.png", "img12.png")).isFalse();
        assertThat(file("/a?b", "a/b")).isFalse();
    }

    @Test
    void doubleStarCrossesFolders() {
        assertThat(file("**/cache", "cache")).isTrue();
        assertThat(file("**/cache", "a/b/cache")).isTrue();
        assertThat(file("logs/**", "logs/a/b.txt")).isTrue();
        assertThat(file("logs/**", "x/logs/a.txt")).isFalse();
        assertThat(file("a/**/b.bin", "a/b.bin")).isTrue();
        assertThat(file("a/**/b.bin", "a/x/y/b.bin")).isTrue();
        assertThat(file("a/**/b.bin", "c/a/x/b.bin")).isFalse();
        assertThat(file("/x**y", "xay")).isTrue(); // not beside a slash: an ordinary *
        assertThat(file("/x**y", "xa/y")).isFalse();
    }

    @Test
    void characterClasses() {
        assertThat(file("file[0-9].png", "file7.png")).isTrue();
        assertThat(file("file[0-9].png", "filex.png")).isFalse();
        assertThat(file("file[!0-9].png", "filex.png")).isTrue();
        assertThat(file("file[^0-9].png", "file7.png")).isFalse();
        assertThat(file("[ab].bin", "b.bin")).isTrue();
        assertThat(file("[]a].bin", "].bin")).isTrue();
        assertThat(file("/a[!x]b", "a/b")).isFalse();
        assertThat(file("[.&]x", "&x")).isTrue();
        assertThat(file("[a-c", "a")).isFalse(); // malformed: left out
    }

    @Test
    void aTrailingSlashMatchesFoldersOnly() {
        assertThat(folder("tmp/", "tmp")).isTrue();
        assertThat(file("tmp/", "tmp")).isFalse();
        assertThat(file("tmp/", "a/tmp/x.bin")).isTrue();
    }

    @Test
    void negationIncludesAgainAndTheLastRuleWins() {
        String rules = "*.png\n!keep.png\n";
        assertThat(file(rules, "a.png")).isTrue();
        assertThat(file(rules, "x/keep.png")).isFalse();
        assertThat(file("!keep.png\n*.png\n", "keep.png")).isTrue();
    }

    @Test
    void nothingUnderAnIgnoredFolderComesBack() {
        String rules = "secret/\n!secret/open.txt\n";
        assertThat(file(rules, "secret/open.txt")).isTrue();
        String inside = "secret/*\n!secret/open.txt\n";
        assertThat(file(inside, "secret/open.txt")).isFalse();
        assertThat(file(inside, "secret/closed.txt")).isTrue();
    }

    @Test
    void escapesAndSpaces() {
        assertThat(file("\\#notes.bin", "#notes.bin")).isTrue();
        assertThat(file("\\!x.bin", "!x.bin")).isTrue();
        assertThat(file("a.bin   ", "a.bin")).isTrue();
        assertThat(file("a\\ ", "a ")).isTrue();
        assertThat(file("\\*.bin", "x.bin")).isFalse();
        assertThat(file("\\*.bin", "*.bin")).isTrue();
        assertThat(file("*.bin\r\n*.png\r\n", "a.png")).isTrue();
    }
}
