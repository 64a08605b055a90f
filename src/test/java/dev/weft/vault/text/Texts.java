package dev.weft.vault.text;

import java.util.SplittableRandom;

/** Random texts and random edits for the diff tests: emoji, CJK, combining marks, CRLF. */
final class Texts {
    /** Text pieces; several are more than one code point (e + combining acute, skin tone, flag, CRLF). */
    static final String[] UNITS = {
        "a", "b", "c", " ", "the ", "\n", "\n", "\r\n", "\r", "e\u0301", "\u00E9", "漢", "字", "😀", "😁",
        "👍🏽", "🇫🇷", "\u200D", "# ", "- ", "x", "y",
    };

    private Texts() {
    }

    static String random(SplittableRandom random, int maxUnits) {
        int n = random.nextInt(maxUnits + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(UNITS[random.nextInt(UNITS.length)]);
        }
        return sb.toString();
    }

    /** {@code text} after 1..maxEdits random deletes, inserts and replacements at code point boundaries. */
    static String edited(String text, SplittableRandom random, int maxEdits) {
        String t = text;
        int edits = 1 + random.nextInt(maxEdits);
        for (int e = 0; e < edits; e++) {
            int cps = t.codePointCount(0, t.length());
            int from = random.nextInt(cps + 1);
            int to = from + (from == cps ? 0 : random.nextInt(Math.min(cps - from, 12) + 1));
            int u16From = t.offsetByCodePoints(0, from);
            int u16To = t.offsetByCodePoints(u16From, to - from);
            String insert = random.nextInt(3) == 0 ? "" : random(random, 6);
            t = t.substring(0, u16From) + insert + t.substring(u16To);
        }
        return t;
    }

    /** The length of the longest common subsequence of code points (dynamic programming). */
    static int lcs(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] row = new int[y.length + 1];
        for (int i = 1; i <= x.length; i++) {
            int diagonal = 0;
            for (int j = 1; j <= y.length; j++) {
                int up = row[j];
                row[j] = x[i - 1] == y[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
                diagonal = up;
            }
        }
        return row[y.length];
    }

    /** A Markdown-like text of about {@code chars} UTF-16 units: headings, paragraphs, lists, some CJK and emoji. */
    static String markdown(SplittableRandom random, int chars) {
        String[] words = {"note", "weft", "sync", "the", "a", "merge", "text", "device", "server", "offline",
            "edit", "vault", "folder", "link", "idea", "plan", "draft", "list", "of", "and", "to", "in",
            "漢字", "文章", "😀", "café", "naïve", "`code`", "**bold**", "[link](x.md)"};
        StringBuilder sb = new StringBuilder(chars + 200);
        while (sb.length() < chars) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                sb.append("## ").append(words[random.nextInt(words.length)]).append(' ')
                        .append(random.nextInt(100_000)).append("\n\n");
                continue;
            }
            String lead = kind < 3 ? "- " : "";
            int lineWords = 4 + random.nextInt(14);
            sb.append(lead);
            for (int w = 0; w < lineWords; w++) {
                sb.append(words[random.nextInt(words.length)]).append(w + 1 < lineWords ? " " : "");
            }
            sb.append(random.nextInt(4) == 0 ? ".\n\n" : "\n");
        }
        return sb.toString();
    }
}
