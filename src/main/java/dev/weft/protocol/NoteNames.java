package dev.weft.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for a note name (docs/protocol.md §1), applied by the server to every name it
 * stores and by every device to every name it takes: a relative vault path without the
 * {@code .md} suffix that every desktop file system can hold.
 *
 * <p>A valid name is 1..{@value #MAX_BYTES} bytes of UTF-8 without control characters, made of
 * {@code /}-separated segments of 1..{@value #MAX_SEGMENT_BYTES} bytes. No segment is {@code .}
 * or {@code ..}, starts with a dot (hidden: {@code .weft}, {@code .git}), ends with a space or a
 * dot, or is a Windows device name ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
 * {@code COM0}..{@code COM9}, {@code LPT0}..{@code LPT9}, also with superscript digits ¹²³, in any
 * case, alone or before an extension). The characters {@code \ < > : " | ? *} never appear, nor
 * invisible ones: Unicode format characters (bidirectional controls, zero-width characters) and
 * line or paragraph separators, but for a joiner inside a word of a joining script or an emoji
 * sequence, and the tags of a flag.
 */
public final class NoteNames {
    /** Largest name, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1024;
    /**
     * Largest segment, in bytes of UTF-8: its file {@code SEGMENT.md} and the temporary
     * {@code .SEGMENT.md.HEX.tmp} it is written through stay within the 255 bytes (UTF-16 units on
     * Windows) a file name may have.
     */
    public static final int MAX_SEGMENT_BYTES = 230;

    private static final String FORBIDDEN_CHARACTERS = "\\<>:\"|?*";
    private static final Set<String> DEVICE_NAMES = deviceNames();

    private NoteNames() {
    }

    /** Why {@code name} is not a valid note name, or empty if it is one. */
    public static Optional<String> validate(String name) {
        Optional<String> text = TextRules.plainText(name, 1, MAX_BYTES);
        if (text.isPresent()) {
            return text;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (FORBIDDEN_CHARACTERS.indexOf(c) >= 0) {
                return Optional.of("character " + c + " is not allowed");
            }
            if (isInvisible(name.codePointAt(i)) && !joinsVisibly(name, i)) {
                return Optional.of(String.format("invisible character U+%04X (a name must look like what it is)",
                        name.codePointAt(i)));
            }
        }
        if (name.charAt(0) == '/') {
            return Optional.of("leading /");
        }
        for (String segment : name.split("/", -1)) {
            Optional<String> problem = segmentProblem(segment);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether notes named {@code a} and {@code b} cannot both have their files: the file of one
     * ({@code a.md}) would be a folder of the other ({@code a.md/b}), case ignored. This rule spans
     * two names, so the server checks it against the other documents (docs/protocol.md §1).
     */
    public static boolean clash(String a, String b) {
        return underFileOf(a, b) || underFileOf(b, a);
    }

    /** Why notes {@code name} and {@code other} cannot both be, in words (they {@link #clash}). */
    public static String clashProblem(String name, String other) {
        String note = name.length() < other.length() ? name : other;
        String under = note == name ? other : name;
        return "the file " + note + ".md of note '" + note + "' would be a folder of note '" + under + "'";
    }

    /** The names of the notes whose file would be a folder of note {@code name}: {@code x} for {@code x.md/y}. */
    public static List<String> notesAsFoldersOf(String name) {
        List<String> notes = new ArrayList<>();
        int end = name.indexOf('/');
        while (end >= 0) {
            if (end >= 3 && name.regionMatches(true, end - 3, ".md", 0, 3)) {
                notes.add(name.substring(0, end - 3));
            }
            end = name.indexOf('/', end + 1);
        }
        return notes;
    }

    /** The folder path the file of note {@code name} stands on: every note under it {@link #clash}es with it. */
    public static String fileAsFolder(String name) {
        return name + ".md/";
    }

    private static boolean underFileOf(String note, String other) {
        String folder = fileAsFolder(note);
        return other.length() > folder.length() && other.regionMatches(true, 0, folder, 0, folder.length());
    }

    /**
     * Why {@code name} cannot be held in a name field at all (1..{@value #MAX_BYTES} bytes of plain
     * text), or empty: the check for a name read back from a device's own records, which may hold a
     * name taken before the rule grew (such a name is refused where it is used, not where it is read).
     */
    public static Optional<String> validateField(String name) {
        return TextRules.plainText(name, 1, MAX_BYTES);
    }

    /** Returns {@code name} if it is valid, else throws {@link IllegalArgumentException} with the reason. */
    public static String requireValid(String name) {
        validate(name).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid note name: " + problem);
        });
        return name;
    }

    private static Optional<String> segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("empty segment");
        }
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("segment . or ..");
        }
        if (segment.charAt(0) == '.') {
            return Optional.of("segment " + segment + " starts with a dot: hidden, not part of the vault");
        }
        int bytes = utf8Length(segment);
        if (bytes > MAX_SEGMENT_BYTES) {
            return Optional.of("segment of " + bytes + " bytes, more than " + MAX_SEGMENT_BYTES
                    + " (a file name the file systems cannot hold)");
        }
        char last = segment.charAt(segment.length() - 1);
        if (last == ' ' || last == '.') {
            return Optional.of("segment ends with a space or a dot");
        }
        if (isDeviceName(segment)) {
            return Optional.of("segment is a reserved Windows device name");
        }
        return Optional.empty();
    }

    /**
     * Unicode format characters (category Cf: the bidirectional controls U+061C, U+200E, U+200F,
     * U+202A..U+202E, U+2066..U+2069, the zero-width U+200B..U+200D, U+2060, U+FEFF, the soft
     * hyphen U+00AD, tags) and the line and paragraph separators U+2028, U+2029: they hide or
     * reorder what a name shows ({@code invoice\u202Efdp.md} shows as {@code invoiceדm.pdf}), so
     * two notes could look alike and a file could pass for another kind. The categories are those
     * of Java 17 (Unicode 13), the same on every peer.
     */
    /**
     * A format character that is part of what a name shows: a zero-width (non-)joiner between two
     * letters of one script that joins or shapes (Arabic, Persian, the Indic scripts: U+200C in
     * {@code می‌خواهم}) or between two emoji (U+200D in 👨‍👩‍👧), and the tags of a
     * subdivision flag (🏴 then U+E0020..U+E007E, ended by U+E007F). Between Latin, Greek or
     * Cyrillic letters a joiner changes nothing visible, so it stays refused there.
     */
    private static boolean joinsVisibly(String name, int i) {
        int c = name.codePointAt(i);
        int before = i == 0 ? -1 : name.codePointBefore(i);
        if (c >= 0xE0020 && c <= 0xE007F) {
            return before == 0x1F3F4 || (before >= 0xE0020 && before <= 0xE007E);
        }
        if (c != 0x200C && c != 0x200D) {
            return false;
        }
        int next = i + 1 < name.length() ? name.codePointAt(i + 1) : -1;
        if (before < 0 || next < 0) {
            return false;
        }
        if (isEmoji(before) && isEmoji(next)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(before);
        return script == Character.UnicodeScript.of(next) && !NON_JOINING_SCRIPTS.contains(script)
                && Character.isLetterOrDigit(next) && Character.getType(before) != Character.FORMAT;
    }

    /** Scripts whose letters never join or shape: a joiner there only hides itself. */
    private static final Set<Character.UnicodeScript> NON_JOINING_SCRIPTS = Set.of(
            Character.UnicodeScript.COMMON, Character.UnicodeScript.INHERITED, Character.UnicodeScript.UNKNOWN,
            Character.UnicodeScript.LATIN, Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC,
            Character.UnicodeScript.ARMENIAN, Character.UnicodeScript.GEORGIAN, Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);

    /**
     * Pictographs, symbols and the variation selector 16 that ends an emoji's presentation (Java 17
     * has no Emoji property): the two sides of a joiner in an emoji ZWJ sequence.
     */
    private static boolean isEmoji(int codePoint) {
        return codePoint >= 0x1F000 && codePoint <= 0x1FAFF || codePoint >= 0x2600 && codePoint <= 0x27BF
                || codePoint == 0xFE0F || codePoint == 0x2B50 || codePoint == 0x2B55;
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++; // plainText has checked the pair
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static boolean isDeviceName(String segment) {
        int dot = segment.indexOf('.');
        String base = dot < 0 ? segment : segment.substring(0, dot);
        return DEVICE_NAMES.contains(base.stripTrailing().toUpperCase(Locale.ROOT));
    }

    private static Set<String> deviceNames() {
        String[] names = new String[4 + 2 * 13];
        names[0] = "CON";
        names[1] = "PRN";
        names[2] = "AUX";
        names[3] = "NUL";
        String digits = "0123456789\u00B9\u00B2\u00B3";
        for (int i = 0; i < digits.length(); i++) {
            names[4 + 2 * i] = "COM" + digits.charAt(i);
            names[5 + 2 * i] = "LPT" + digits.charAt(i);
        }
        return Set.of(names);
    }
}
