package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible Obsidian-style folder of Markdown notes (issue 14): headings, lists and prose of
 * the words of seph-blog1's text, in nested folders. The 500-note vault is the one
 * {@code RunWireMeasureTest} uploads (seed 14, 2,920 characters a note: 1.46 MB).
 */
final class MarkdownVault {
    private static final String[] TOP = {"Daily", "Projects", "Areas", "Resources", "Archive"};

    private final List<String> words;

    /**
     * Writes a vault folder to import by hand (docs/benchmarks.md, "Import"):
     * {@code java -cp target/weft-benchmarks.jar dev.weft.bench.MarkdownVault DIR NOTES CHARS [varied]}.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        long bytes = new MarkdownVault().write(folder, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                args.length > 3 && args[3].equals("varied"));
        System.out.printf("%s: %s notes, %,d bytes%n", folder, args[1], bytes);
    }

    MarkdownVault() throws IOException {
        List<String> split = new ArrayList<>(new LinkedHashSet<>(List.of(
                BenchTraces.read("seph-blog1").endContent().split("[^\\p{L}\\p{N}'*`_-]+"))));
        split.removeIf(String::isEmpty);
        this.words = split;
    }

    /**
     * Writes {@code notes} notes into {@code folder}: a fixed {@code chars} each, or with {@code varied}
     * between half and one and a half times it. Returns the text's bytes.
     */
    long write(Path folder, int notes, int chars, boolean varied) throws IOException {
        SplittableRandom random = new SplittableRandom(14);
        SplittableRandom sizes = new SplittableRandom(15);
        long bytes = 0;
        for (int n = 0; n < notes; n++) {
            int size = varied ? chars / 2 + sizes.nextInt(chars + 1) : chars;
            String text = note(random, size);
            Path file = folder.resolve(TOP[n % TOP.length]).resolve(String.format("%02d", n / TOP.length % 20))
                    .resolve(String.format("note %05d.md", n));
            Files.createDirectories(file.getParent());
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            Files.write(file, utf8);
            bytes += utf8.length;
        }
        return bytes;
    }

    /** Varied Markdown of {@code chars} UTF-16 units (RunWireMeasureTest's generator). */
    String note(SplittableRandom random, int chars) {
        StringBuilder s = new StringBuilder("# ").append(words.get(random.nextInt(words.size()))).append("\n\n");
        while (s.length() < chars) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                s.append("\n## ");
            } else if (kind < 3) {
                s.append("- ");
            }
            int n = 4 + random.nextInt(kind < 3 ? 10 : 40);
            for (int i = 0; i < n; i++) {
                s.append(words.get(random.nextInt(words.size()))).append(i + 1 < n ? " " : kind < 3 ? "\n" : ".\n\n");
            }
        }
        int end = Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars;
        return s.substring(0, end);
    }
}
