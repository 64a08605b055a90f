package dev.weft.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphemesTest {
    static final String PARTY = "\uD83C\uDF89";
    static final String MEMO = "\uD83D\uDCDD";
    static final String CHECK = "\u2705";
    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    static final String FRANCE = "\uD83C\uDDEB\uD83C\uDDF7";
    static final String JAPAN = "\uD83C\uDDEF\uD83C\uDDF5";
    static final String THUMB_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    static final String RED_HEART = "\u2764\uFE0F";
    static final String KEYCAP_ONE = "1\uFE0F\u20E3";
    static final String SCOTLAND = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    static final String WOMAN_TECHNOLOGIST_DARK = "\uD83D\uDC69\uD83C\uDFFF\u200D\uD83D\uDCBB";
    static final String E_ACUTE = "e\u0301";

    private static List<String> clusters(String text) {
        List<String> out = new ArrayList<>();
        for (int at = 0; at < text.length(); ) {
            int end = Graphemes.next(text, at);
            out.add(text.substring(at, end));
            at = end;
        }
        return out;
    }

    private static List<String> clustersBackward(String text) {
        List<String> out = new ArrayList<>();
        for (int at = text.length(); at > 0; ) {
            int start = Graphemes.previous(text, at);
            out.add(0, text.substring(start, at));
            at = start;
        }
        return out;
    }

    @Test
    void eachEmojiSequenceIsOneCharacterBothWays() {
        List<String> expected = List.of("a", PARTY, MEMO, CHECK, FAMILY, FRANCE, JAPAN, THUMB_MEDIUM, RED_HEART,
                KEYCAP_ONE, SCOTLAND, WOMAN_TECHNOLOGIST_DARK, E_ACUTE, " ", "z");
        String text = String.join("", expected);
        assertThat(clusters(text)).containsExactlyElementsOf(expected);
        assertThat(clustersBackward(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void regionalIndicatorsPairFromTheStartOfTheirRun() {
        String three = FRANCE + JAPAN + "\uD83C\uDDE9"; // 🇫🇷🇯🇵 and a lone D
        assertThat(clusters(three)).containsExactly(FRANCE, JAPAN, "\uD83C\uDDE9");
        assertThat(clustersBackward(three)).containsExactly(FRANCE, JAPAN, "\uD83C\uDDE9");
    }

    @Test
    void zwjJoinsOnlyPictographsAndLineBreaksStandAlone() {
        assertThat(clusters("a\u200Db")).containsExactly("a\u200D", "b");
        assertThat(clusters("x\r\ny\n" + PARTY + "\n")).containsExactly("x", "\r\n", "y", "\n", PARTY, "\n");
        assertThat(clustersBackward("x\r\ny\n" + PARTY + "\n")).containsExactly("x", "\r\n", "y", "\n", PARTY, "\n");
    }

    @Test
    void floorFindsTheStartOfTheCharacterAnOffsetFallsIn() {
        String text = "a" + FAMILY + "b";
        assertThat(Graphemes.floor(text, 1)).isEqualTo(1);
        assertThat(Graphemes.floor(text, 4)).isEqualTo(1);
        assertThat(Graphemes.floor(text, 1 + FAMILY.length())).isEqualTo(1 + FAMILY.length());
        assertThat(Graphemes.previous(text, 4)).isEqualTo(1);
    }

    @Test
    void emojiAreToldFromTextAndTextStyleSymbols() {
        for (String emoji : List.of(PARTY, MEMO, CHECK, FAMILY, FRANCE, THUMB_MEDIUM, RED_HEART, KEYCAP_ONE, SCOTLAND)) {
            assertThat(Emoji.kind(emoji)).as(emoji).isEqualTo(Emoji.Kind.EMOJI);
        }
        assertThat(Emoji.kind("\u00A9")).isEqualTo(Emoji.Kind.TEXT_STYLE_EMOJI);
        assertThat(Emoji.kind("\u2764")).isEqualTo(Emoji.Kind.TEXT_STYLE_EMOJI);
        assertThat(Emoji.kind(PARTY + "\uFE0E")).isEqualTo(Emoji.Kind.TEXT_STYLE_EMOJI);
        assertThat(Emoji.kind("1")).isEqualTo(Emoji.Kind.TEXT);
        assertThat(Emoji.kind("\u0915\u094D\u200D")).isEqualTo(Emoji.Kind.TEXT); // Devanagari half form
        assertThat(Emoji.kind(E_ACUTE)).isEqualTo(Emoji.Kind.TEXT);
    }

    @Test
    void runsCutEmojiFromText() {
        String text = "Party " + PARTY + FRANCE + " now";
        assertThat(Emoji.runs(text)).containsExactly(new Emoji.Run(0, 6, false),
                new Emoji.Run(6, 6 + PARTY.length() + FRANCE.length(), true),
                new Emoji.Run(6 + PARTY.length() + FRANCE.length(), text.length(), false));
        assertThat(Emoji.runs("plain")).containsExactly(new Emoji.Run(0, 5, false));
        assertThat(Emoji.runs("")).isEmpty();
    }
}
