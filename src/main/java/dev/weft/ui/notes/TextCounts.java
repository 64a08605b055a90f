package dev.weft.ui.notes;

/**
 * Words and characters of a text for the status bar: a word is a run of letters, digits,
 * apostrophes or marks ({@code don't} is one, {@code 2026-12-08} three), each CJK ideograph or kana
 * a word of its own; characters are code points, line breaks not counted.
 */
public record TextCounts(int words, int characters) {

    public static TextCounts of(CharSequence text) {
        int words = 0;
        int characters = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp != '\n' && cp != '\r') {
                characters++;
            }
            if (standsAlone(cp)) {
                words++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || (inWord && (cp == '\'' || cp == '’'))) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else {
                inWord = false;
            }
        }
        return new TextCounts(words, characters);
    }

    private static boolean standsAlone(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** "12 words, 70 characters" (one of each in the singular). */
    public String describe() {
        return words + (words == 1 ? " word, " : " words, ") + characters + (characters == 1 ? " character" : " characters");
    }
}
