package dev.weft.ui;

import dev.weft.vault.text.TextDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two texts' difference as the History panel shows it: the runs that are in both, only in the older
 * one (removed since) and only in the newer one (added since), in reading order. Lines first; a
 * changed line that mostly kept its words shows the words that changed, one rewritten shows whole.
 * The diffs are {@link TextDiff}'s, run over lines or words each spelled as one private-use code
 * point (so the scripts are of whole tokens); past that many distinct tokens, by character.
 */
final class HistoryDiff {
    enum Kind {
        SAME, REMOVED, ADDED
    }

    record Segment(Kind kind, String text) {
    }

    /** Tokens [aFrom, aTo) of the older text replaced by [bFrom, bTo) of the newer. */
    private record Hunk(int aFrom, int aTo, int bFrom, int bTo) {
    }

    private static final int FIRST_TOKEN = 0xF0000;
    private static final int TOKENS = 0x10FFFE - FIRST_TOKEN;

    private HistoryDiff() {
    }

    /** The runs that turn {@code older} into {@code newer}; a removal comes before the text that replaces it. */
    static List<Segment> between(String older, String newer) {
        Runs out = new Runs();
        List<String> a = lines(older);
        List<String> b = lines(newer);
        List<Hunk> hunks = diff(a, b);
        if (hunks == null) {
            byCharacter(older, newer, out);
            return out.list;
        }
        int read = 0;
        for (Hunk h : hunks) {
            out.add(Kind.SAME, String.join("", a.subList(read, h.aFrom())));
            String removed = String.join("", a.subList(h.aFrom(), h.aTo()));
            String added = String.join("", b.subList(h.bFrom(), h.bTo()));
            List<Segment> words = removed.isEmpty() || added.isEmpty() ? null : byWord(removed, added);
            if (words != null) {
                words.forEach(s -> out.add(s.kind(), s.text()));
            } else {
                out.add(Kind.REMOVED, removed);
                out.add(Kind.ADDED, added);
            }
            read = h.aTo();
        }
        out.add(Kind.SAME, String.join("", a.subList(read, a.size())));
        return out.list;
    }

    /** The words that changed, when a third of the longer side's letters stayed; else null (shown whole). */
    private static List<Segment> byWord(String removed, String added) {
        List<String> a = words(removed);
        List<String> b = words(added);
        List<Hunk> hunks = diff(a, b);
        if (hunks == null) {
            return null;
        }
        Runs out = new Runs();
        int read = 0;
        int kept = 0;
        for (Hunk h : hunks) {
            String same = String.join("", a.subList(read, h.aFrom()));
            kept += letters(same);
            out.add(Kind.SAME, same);
            out.add(Kind.REMOVED, String.join("", a.subList(h.aFrom(), h.aTo())));
            out.add(Kind.ADDED, String.join("", b.subList(h.bFrom(), h.bTo())));
            read = h.aTo();
        }
        String same = String.join("", a.subList(read, a.size()));
        kept += letters(same);
        out.add(Kind.SAME, same);
        return 3 * kept >= Math.max(letters(removed), letters(added)) && kept > 0 ? out.list : null;
    }

    private static int letters(String text) {
        return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private static void byCharacter(String older, String newer, Runs out) {
        int read = 0;
        int written = 0;
        for (TextDiff.Edit e : TextDiff.diffByLine(older, newer)) {
            int same = e.offset() - written;
            out.add(Kind.SAME, older.substring(read, read + same));
            read += same;
            out.add(Kind.REMOVED, older.substring(read, read + e.deleteLength()));
            read += e.deleteLength();
            out.add(Kind.ADDED, e.insert());
            written = e.offset() + e.insert().length();
        }
        out.add(Kind.SAME, older.substring(read));
    }

    /** The hunks between two token lists; null past the private-use code points there are. */
    private static List<Hunk> diff(List<String> a, List<String> b) {
        Map<String, Integer> codes = new HashMap<>();
        String sa = spell(a, codes);
        String sb = spell(b, codes);
        if (sa == null || sb == null) {
            return null;
        }
        List<Hunk> hunks = new ArrayList<>();
        int aRead = 0;
        int bWritten = 0;
        for (TextDiff.Edit e : TextDiff.diff(sa, sb)) { // every token is two UTF-16 units
            int bFrom = e.offset() / 2;
            int aFrom = aRead + bFrom - bWritten;
            int aTo = aFrom + e.deleteLength() / 2;
            int bTo = bFrom + e.insert().length() / 2;
            hunks.add(new Hunk(aFrom, aTo, bFrom, bTo));
            aRead = aTo;
            bWritten = bTo;
        }
        return hunks;
    }

    private static String spell(List<String> tokens, Map<String, Integer> codes) {
        StringBuilder out = new StringBuilder(tokens.size() * 2);
        for (String token : tokens) {
            int code = codes.computeIfAbsent(token, t -> FIRST_TOKEN + codes.size());
            if (code - FIRST_TOKEN >= TOKENS) {
                return null;
            }
            out.appendCodePoint(code);
        }
        return out.toString();
    }

    /** Lines with their line ends. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Words (letters and digits), runs of spaces, line ends and each other character, as tokens. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int end = i + Character.charCount(c);
            if (Character.isLetterOrDigit(c) || (Character.isWhitespace(c) && c != '\n')) {
                boolean letters = Character.isLetterOrDigit(c);
                while (end < text.length()) {
                    int next = text.codePointAt(end);
                    if (letters ? !Character.isLetterOrDigit(next) : !Character.isWhitespace(next) || next == '\n') {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            words.add(text.substring(i, end));
            i = end;
        }
        return words;
    }

    /** Segments with neighbours of one kind joined and empty ones left out. */
    private static final class Runs {
        final List<Segment> list = new ArrayList<>();

        void add(Kind kind, String text) {
            if (text.isEmpty()) {
                return;
            }
            int last = list.size() - 1;
            if (last >= 0 && list.get(last).kind() == kind) {
                list.set(last, new Segment(kind, list.get(last).text() + text));
            } else {
                list.add(new Segment(kind, text));
            }
        }
    }
}
