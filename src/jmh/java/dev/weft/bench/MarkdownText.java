package dev.weft.bench;

import java.util.SplittableRandom;

/** Deterministic English-like Markdown of a given size: headings, paragraphs, lists, a link now and then. */
final class MarkdownText {
    private static final String[] WORDS = ("the of and to in is that it for on with as was be by this are or from at"
            + " an not have which but all were when we there can more one would their will each about how up out"
            + " notes sync device server offline edit merge text file folder vault write read time change history"
            + " project meeting idea draft plan review weekly task done open question answer reason because").split(" ");

    private MarkdownText() {
    }

    static String generate(SplittableRandom random, int bytes) {
        StringBuilder text = new StringBuilder(bytes + 100);
        text.append("# ").append(sentence(random, 3 + random.nextInt(4))).append("\n\n");
        while (text.length() < bytes) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                text.append("## ").append(sentence(random, 2 + random.nextInt(5))).append("\n\n");
            } else if (kind < 3) {
                for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
                    text.append(random.nextInt(3) == 0 ? "- [ ] " : "- ").append(sentence(random, 4 + random.nextInt(8))).append('\n');
                }
                text.append('\n');
            } else {
                for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                    text.append(Character.toUpperCase(WORDS[random.nextInt(WORDS.length)].charAt(0)));
                    String s = sentence(random, 6 + random.nextInt(14));
                    text.append(s, 1, s.length()).append(random.nextInt(8) == 0 ? " [link](https://example.org/x)" : "").append(". ");
                }
                text.append("\n\n");
            }
        }
        text.setLength(bytes);
        return text.toString();
    }

    private static String sentence(SplittableRandom random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }
}
