package dev.weft.protocol;

import static dev.weft.protocol.SeedGoldenVectorsTest.DOC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A {@code 41} over the frame limit as {@code 43}s and a last {@code 41} (docs/protocol.md §10), and joined again. */
class HistoryTextPartsTest {
    @Test
    void aTextThatFitsIsOneMessage() {
        HistoryText text = new HistoryText(DOC, 5, List.of(new HistoryText.Author(2, "laptop")), "hi");
        assertThat(HistoryTextParts.split(text, 1 << 20)).containsExactly(text);
        HistoryText empty = new HistoryText(DOC, 5, List.of(), "");
        assertThat(HistoryTextParts.split(empty, HistoryTextParts.MIN_PART_BYTES)).containsExactly(empty);
    }

    @Test
    void everyPartFitsAndTheJoinIsTheText() {
        Random random = new Random(16);
        int[] points = {'a', 'é', '€', 0x1F600, '\n'};
        for (int trial = 0; trial < 50; trial++) {
            StringBuilder s = new StringBuilder();
            List<HistoryText.Author> authors = new ArrayList<>();
            for (int span = random.nextInt(40); span >= 0; span--) {
                int n = 1 + random.nextInt(random.nextBoolean() ? 5 : 3_000);
                for (int i = 0; i < n; i++) {
                    s.appendCodePoint(points[random.nextInt(points.length)]);
                }
                authors.add(new HistoryText.Author(n, "device " + "x".repeat(random.nextInt(200))));
            }
            HistoryText text = new HistoryText(DOC, trial, authors, s.toString());
            int limit = HistoryTextParts.MIN_PART_BYTES + random.nextInt(20_000);
            assertThat(joined(text, limit)).isEqualTo(text.text());
        }
    }

    @Test
    void aTextOverSixteenMebibytesGoesInPartsOfTheDefaultLimit() {
        int limit = Limits.DEFAULT.maxMessageBytes();
        String big = "héllo wörld ".repeat(1_600_000); // 19.2M code points, 22.4 MB of UTF-8
        HistoryText text = new HistoryText(DOC, 9, List.of(new HistoryText.Author(12 * 800_000, "laptop"),
                new HistoryText.Author(12 * 800_000, "phone")), big);
        assertThat(joined(text, limit)).isEqualTo(big);
    }

    /** Splits, checks each message's size and kind through the codec, joins what the codec reads back. */
    private static String joined(HistoryText text, int limit) {
        MessageCodec codec = new MessageCodec();
        List<Message> parts = HistoryTextParts.split(text, limit);
        HistoryTextParts.Joiner joiner = new HistoryTextParts.Joiner();
        Optional<HistoryText> whole = Optional.empty();
        for (int i = 0; i < parts.size(); i++) {
            byte[] bytes = codec.encode(parts.get(i));
            assertThat(bytes.length).isLessThanOrEqualTo(limit);
            Message read;
            try {
                read = codec.decodeFrame(bytes).get(0);
            } catch (ProtocolException e) {
                throw new AssertionError(e);
            }
            assertThat(read).isInstanceOf(i < parts.size() - 1 ? HistoryTextPart.class : HistoryText.class);
            assertThat(whole).isEmpty();
            whole = joiner.add(read);
        }
        assertThat(whole).isPresent();
        assertThat(merged(whole.get().authors())).isEqualTo(merged(text.authors()));
        return whole.get().text();
    }

    /** Authors with adjacent spans of one device as one: a split may cut a span in two. */
    private static List<HistoryText.Author> merged(List<HistoryText.Author> authors) {
        List<HistoryText.Author> out = new ArrayList<>();
        for (HistoryText.Author a : authors) {
            HistoryText.Author last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.device().equals(a.device())) {
                out.set(out.size() - 1, new HistoryText.Author(last.codePoints() + a.codePoints(), a.device()));
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
