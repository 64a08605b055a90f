package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.vault.text.MarkdownFiles.FileText;
import dev.weft.vault.text.MarkdownFiles.LineEnds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsUtf8AsItIs() throws IOException {
        Path file = file("a.md", utf8("# Title\n\nCafé 漢字 😀\n"));
        assertThat(MarkdownFiles.readFile(file)).isEqualTo(new FileText("# Title\n\nCafé 漢字 😀\n", false, LineEnds.LF));
    }

    @Test
    void crlfFilesAreReadWithLfAndSaySo() throws IOException {
        assertThat(MarkdownFiles.readFile(file("crlf.md", utf8("one\r\ntwo\r\n"))))
                .isEqualTo(new FileText("one\ntwo\n", false, LineEnds.CRLF));
        assertThat(MarkdownFiles.readFile(file("cr.md", utf8("one\rtwo"))))
                .isEqualTo(new FileText("one\ntwo", false, LineEnds.MIXED));
        assertThat(MarkdownFiles.readFile(file("mixed.md", utf8("one\ntwo\r\nthree"))))
                .isEqualTo(new FileText("one\ntwo\nthree", false, LineEnds.MIXED));
        assertThat(MarkdownFiles.read(file("double.md", utf8("a\r\r\nb")))).isEqualTo("a\n\nb");
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i', '\r', '\n'};
        assertThat(MarkdownFiles.readFile(file("bom.md", bom))).isEqualTo(new FileText("hi\n", true, LineEnds.CRLF));
        assertThat(MarkdownFiles.read(file("bomonly.md", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsReportedClearlyAndLeftAsItWas() throws IOException {
        byte[] latin1 = "caf\u00E9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        Path file = file("latin1.md", latin1);
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, before);

        assertThatThrownBy(() -> MarkdownFiles.read(file))
                .isInstanceOfSatisfying(NotUtf8Exception.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.offset()).isEqualTo(3);
                })
                .hasMessageContaining("latin1.md is not valid UTF-8").hasMessageContaining("E9 at offset 3");
        assertThat(Files.readAllBytes(file)).isEqualTo(latin1);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }

    @Test
    void strictUtf8RefusesOverlongFormsEncodedSurrogatesAndCutSequences() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0xAF},               // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},  // the surrogate D800
            {'o', 'k', (byte) 0xF0, (byte) 0x9F},     // an emoji cut off at the end
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        };
        for (byte[] bytes : bad) {
            assertThatThrownBy(() -> MarkdownFiles.decode(bytes, Path.of("x.md"))).isInstanceOf(NotUtf8Exception.class);
        }
        assertThatThrownBy(() -> MarkdownFiles.decode(bad[2], Path.of("x.md")))
                .isInstanceOfSatisfying(NotUtf8Exception.class, e -> assertThat(e.offset()).isEqualTo(2));
    }

    @Test
    void writesUtf8WithoutAMarkAndReadsBackTheSameText() throws IOException {
        Path file = dir.resolve("notes/deep/new.md");
        MarkdownFiles.writeAtomically(file, "Ünïcödé 😀\nline\n");
        assertThat(Files.readAllBytes(file)).isEqualTo(utf8("Ünïcödé 😀\nline\n"));
        assertThat(MarkdownFiles.read(file)).isEqualTo("Ünïcödé 😀\nline\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTextWithAnUnpairedSurrogateIsNeverWritten() {
        Path file = dir.resolve("bad.md");
        assertThatThrownBy(() -> MarkdownFiles.writeAtomically(file, "a\uDC00b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFailureBetweenTheTemporaryFileAndTheRenameLeavesTheOldFileWhole() throws IOException {
        Path file = file("note.md", utf8("old text\n"));
        Path[] seen = new Path[1];
        assertThatThrownBy(() -> MarkdownFiles.writeAtomically(file, utf8("new text, longer than before\n"), temporary -> {
            seen[0] = temporary;
            assertThat(Files.readAllBytes(temporary)).isEqualTo(utf8("new text, longer than before\n"));
            assertThat(temporary.getParent()).isEqualTo(file.getParent().toAbsolutePath());
            assertThat(temporary.getFileName().toString()).startsWith(".note.md.").endsWith(".tmp");
            assertThat(Files.readAllBytes(file)).isEqualTo(utf8("old text\n"));
            throw new IOException("disk pulled out");
        })).hasMessage("disk pulled out");
        assertThat(Files.readAllBytes(file)).isEqualTo(utf8("old text\n"));
        assertThat(seen[0]).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void keepsTheFilesPermissions() throws IOException {
        Path file = file("private.md", utf8("secret\n"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        MarkdownFiles.writeAtomically(file, "still secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxr-x"));
        MarkdownFiles.writeAtomically(file, "shared\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxrwxr-x");
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotATemporaryFilesOwnerOnlyOnes() throws IOException {
        Path plain = dir.resolve("plain.md");
        Files.writeString(plain, "made the usual way");
        Path written = dir.resolve("written.md");
        MarkdownFiles.writeAtomically(written, "made by Weft");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
        Path target = file("elsewhere.txt", utf8("old"));
        Path link = Files.createSymbolicLink(dir.resolve("linked.md"), target);
        MarkdownFiles.writeAtomically(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
