package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.testing.LongNames;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoteNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "projects/weft/ideas", "café/😀", "notes/日記", "Ideen/Übersicht", "a b/c d",
        "a.b.c", "v1.2 notes", "CONSOLE", "con2", "COM10", "LPTX", "nul-ish", "my con", "AUX_x", "a(2)",
        "it's #1 & done", "tab\u00A0nbsp", "not.hidden/x",
        // joiners and tags that are part of what the name shows
        "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 pride",
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0915\u094D\u200D\u0937",
        "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F trip"})
    void acceptsOrdinaryNames(String name) {
        assertThat(NoteNames.validate(name)).isEmpty();
        assertThat(NoteNames.requireValid(name)).isSameAs(name);
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void refusesWithTheReason(String name, String reason) {
        assertThat(NoteNames.validate(name)).hasValueSatisfying(r -> assertThat(r).contains(reason));
        assertThatThrownBy(() -> NoteNames.requireValid(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of(null, "missing"),
                Arguments.of("", "0 bytes"),
                Arguments.of("a".repeat(1025), "1025 bytes"),
                Arguments.of("😀".repeat(256) + "a", "1025 bytes"),
                Arguments.of("a\nb", "control character U+000A"),
                Arguments.of("a\u0000", "control character U+0000"),
                Arguments.of("a\u007Fb", "control character U+007F"),
                Arguments.of("a\u0085b", "control character U+0085"),
                Arguments.of("a\uD800b", "unpaired surrogate"),
                Arguments.of("a\uDC00", "unpaired surrogate"),
                Arguments.of("/a", "leading /"),
                Arguments.of("a/", "empty segment"),
                Arguments.of("a//b", "empty segment"),
                Arguments.of(".", "segment . or .."),
                Arguments.of("a/../b", "segment . or .."),
                Arguments.of("a/./b", "segment . or .."),
                Arguments.of("a\\b", "character \\ is not allowed"),
                Arguments.of("a<b", "character < is not allowed"),
                Arguments.of("a>b", "character > is not allowed"),
                Arguments.of("c:notes", "character : is not allowed"),
                Arguments.of("say \"hi\"", "character \" is not allowed"),
                Arguments.of("a|b", "character | is not allowed"),
                Arguments.of("why?", "character ? is not allowed"),
                Arguments.of("a*", "character * is not allowed"),
                Arguments.of("trailing ", "ends with a space or a dot"),
                Arguments.of("folder./x", "ends with a space or a dot"),
                Arguments.of("x/end.", "ends with a space or a dot"),
                Arguments.of("CON", "reserved Windows device name"),
                Arguments.of("con", "reserved Windows device name"),
                Arguments.of("notes/Aux", "reserved Windows device name"),
                Arguments.of("nul.txt", "reserved Windows device name"),
                Arguments.of("PRN.tar.gz/x", "reserved Windows device name"),
                Arguments.of("com1", "reserved Windows device name"),
                Arguments.of("LPT9", "reserved Windows device name"),
                Arguments.of("com0", "reserved Windows device name"),
                Arguments.of("COM\u00B9", "reserved Windows device name"),
                Arguments.of("lpt\u00B3.md", "reserved Windows device name"),
                Arguments.of("CON .txt", "reserved Windows device name"),
                Arguments.of(".hidden", "starts with a dot"),
                Arguments.of(".weft/docs/evil", "starts with a dot"),
                Arguments.of(".git/hooks/pre-commit", "starts with a dot"),
                Arguments.of("x/.y/z", "starts with a dot"),
                Arguments.of("invoice\u202Efdp.md", "invisible character U+202E"),
                Arguments.of("a\u202Ab", "invisible character U+202A"),
                Arguments.of("\u2066x\u2069", "invisible character U+2066"),
                Arguments.of("a\u200Fb", "invisible character U+200F"),
                Arguments.of("a\u061Cb", "invisible character U+061C"),
                Arguments.of("pass\u200Bword", "invisible character U+200B"),
                Arguments.of("a\u200Db", "invisible character U+200D"),
                Arguments.of("a\u2060b", "invisible character U+2060"),
                Arguments.of("\uFEFFnote", "invisible character U+FEFF"),
                Arguments.of("soft\u00ADhyphen", "invisible character U+00AD"),
                Arguments.of("a\u2028b", "invisible character U+2028"),
                Arguments.of("a\u2029b", "invisible character U+2029"),
                Arguments.of("tag\uDB40\uDC41", "invisible character U+E0041"),
                Arguments.of("a\u200Cb", "invisible character U+200C"),
                Arguments.of("\u200D\uD83D\uDC69", "invisible character U+200D"),
                Arguments.of("\uD83D\uDC68\u200D", "invisible character U+200D"),
                Arguments.of("\u0645\u200C", "invisible character U+200C"),
                Arguments.of("\u0645\u200C\u200C\u0645", "invisible character U+200C"),
                Arguments.of("a".repeat(231), "segment of 231 bytes"),
                Arguments.of("ok/" + "é".repeat(116), "segment of 232 bytes"));
    }

    /** The limits with 1- to 4-byte characters across them: 1,024 bytes a name, 230 a segment. */
    @Test
    void lengthBoundariesWithMultiByteCharactersAcrossThem() {
        for (String tail : LongNames.TAILS) {
            assertThat(NoteNames.validate(LongNames.of(1023, tail))).as(tail).isEmpty();
            assertThat(NoteNames.validate(LongNames.of(1024, tail))).as(tail).isEmpty();
            assertThat(NoteNames.validate(LongNames.of(1025, tail))).as(tail).contains("1025 bytes, outside 1..1024");
            int before = 230 - tail.getBytes(StandardCharsets.UTF_8).length;
            assertThat(NoteNames.validate("x/" + "a".repeat(before) + tail)).as(tail).isEmpty();
            assertThat(NoteNames.validate("x/" + "a".repeat(before + 1) + tail + "/y")).as(tail)
                    .hasValueSatisfying(r -> assertThat(r).startsWith("segment of 231 bytes"));
        }
        // a character is never cut: 1,022 bytes and one of 3 is 1,025, of 2 is 1,024
        assertThat(NoteNames.validate(LongNames.of(1022, "z") + "語")).contains("1025 bytes, outside 1..1024");
        assertThat(NoteNames.validate(LongNames.of(1022, "z") + "é")).isEmpty();
    }

    /** " (2)" keeps a name a name up to 1,020 bytes and a last segment of 226; " (10)" up to 1,019. */
    @Test
    void theNumberedFormOfANameAtTheLimits() {
        for (String tail : LongNames.TAILS) {
            assertThat(NoteNames.validate(LongNames.of(1020, tail) + " (2)")).as(tail).isEmpty();
            assertThat(NoteNames.validate(LongNames.of(1021, tail) + " (2)")).as(tail).contains("1025 bytes, outside 1..1024");
            assertThat(NoteNames.validate(LongNames.of(1019, tail) + " (10)")).as(tail).isEmpty();
            assertThat(NoteNames.validate(LongNames.of(1020, tail) + " (10)")).as(tail).contains("1025 bytes, outside 1..1024");
        }
        assertThat(NoteNames.validate("b".repeat(226) + " (2)")).isEmpty();
        assertThat(NoteNames.validate("b".repeat(225) + "é" + " (2)")).hasValueSatisfying(r -> assertThat(r).startsWith("segment of 231"));
    }

    /** Issue 12 §6: note {@code x} and note {@code x.md/y} cannot both have files (x.md is a file and a folder). */
    @Test
    void aNoteClashesWithANoteUnderAFolderNamedLikeItsFile() {
        assertThat(NoteNames.clash("x", "x.md/y")).isTrue();
        assertThat(NoteNames.clash("x.md/y", "x")).isTrue();
        assertThat(NoteNames.clash("x", "X.MD/y/z")).isTrue();
        assertThat(NoteNames.clash("a/b", "a/b.md/c")).isTrue();
        assertThat(NoteNames.clash("a", "a/b")).as("file a.md, folder a/").isFalse();
        assertThat(NoteNames.clash("x", "x.mdx/y")).isFalse();
        assertThat(NoteNames.clash("x", "x.md")).as("two files, x.md and x.md.md").isFalse();
        assertThat(NoteNames.clash("x", "yx.md/z")).isFalse();
        assertThat(NoteNames.clash("x", "x")).isFalse();
        assertThat(NoteNames.clashProblem("x", "x.md/y")).isEqualTo(NoteNames.clashProblem("x.md/y", "x"))
                .isEqualTo("the file x.md of note 'x' would be a folder of note 'x.md/y'");
    }

    @Test
    void theNotesWhoseFileWouldBeAFolderOfANameAreItsFoldersEndingInDotMd() {
        assertThat(NoteNames.notesAsFoldersOf("a.md/b.MD/c.md")).containsExactly("a", "a.md/b");
        assertThat(NoteNames.notesAsFoldersOf("a/b/c")).isEmpty();
        assertThat(NoteNames.notesAsFoldersOf("x.md")).isEmpty();
        assertThat(NoteNames.fileAsFolder("x")).isEqualTo("x.md/");
    }
}
