package dev.weft.protocol;

import static dev.weft.protocol.SeedGoldenVectorsTest.DOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of docs/protocol.md §10, the version history messages (ext). */
class HistoryGoldenVectorsTest {
    private static final long T0 = 1_700_000_000_000_000L;
    private final MessageCodec codec = new MessageCodec();

    @Test
    void requests() throws Exception {
        check(Hex.bytes("08", "0123456789abcdef fedcba9876543210"), new HistoryList(DOC));
        check(Hex.bytes("09", "0123456789abcdef fedcba9876543210", "00060a241f454e00"),
                new HistoryPull(DOC, T0 + 120_000_000));
    }

    @Test
    void versions() throws Exception {
        byte[] bytes = Hex.bytes(
                "28",                                   // header: history_versions (40)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "0000000000000002",                     // u64 number_of_versions
                "00060a24181e4000 00060a241bb1c700",    // version 1: from T0 to T0 + 1 min
                "000000000000000b 0000000000000000",    // 11 inserted, 0 deleted
                "0000000000000002 6c6170746f700a 70686f6e650a", // laptop, phone
                "00060a243f750d00 00060a243f750d00",    // version 2: at T0 + 11 min
                "0000000000000000 0000000000000005",    // 5 deleted
                "0000000000000000");                    // no device inserted
        check(bytes, new HistoryVersions(DOC, List.of(
                new HistoryVersions.Version(T0, T0 + 60_000_000, List.of("laptop", "phone"), 11, 0),
                new HistoryVersions.Version(T0 + 660_000_000, T0 + 660_000_000, List.of(), 0, 5))));
    }

    @Test
    void text() throws Exception {
        byte[] bytes = Hex.bytes(
                "29",                                   // header: history_text (41)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "00060a241f454e00",                     // u64 at = T0 + 2 min
                "0000000000000002",                     // u64 number_of_authors
                "0000000000000002 6c6170746f700a",      // 2 code points by laptop
                "0000000000000002 70686f6e650a",        // 2 code points by phone
                "0000000000000004",                     // u64 number_of_code_points
                "6869 c3a9 f09f9880");                  // "hié😀"
        check(bytes, new HistoryText(DOC, T0 + 120_000_000,
                List.of(new HistoryText.Author(2, "laptop"), new HistoryText.Author(2, "phone")), "hié\uD83D\uDE00"));
    }

    @Test
    void textInParts() throws Exception {
        byte[] part = Hex.bytes(
                "2b",                                   // header: history_text_part (43)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "00060a241f454e00",                     // u64 at = T0 + 2 min
                "0000000000000001",                     // u64 number_of_authors
                "0000000000000002 6c6170746f700a",      // 2 code points by laptop
                "0000000000000002",                     // u64 number_of_code_points
                "6869");                                // "hi"
        check(part, new HistoryTextPart(new HistoryText(DOC, T0 + 120_000_000,
                List.of(new HistoryText.Author(2, "laptop")), "hi")));
        byte[] last = Hex.bytes("29", "0123456789abcdef fedcba9876543210", "00060a241f454e00", "0000000000000001",
                "0000000000000002 70686f6e650a", "0000000000000002", "c3a9 f09f9880");
        HistoryTextParts.Joiner joiner = new HistoryTextParts.Joiner();
        assertThat(joiner.add(codec.decodeFrame(part).get(0))).isEmpty();
        assertThat(joiner.add(codec.decodeFrame(last).get(0))).contains(new HistoryText(DOC, T0 + 120_000_000,
                List.of(new HistoryText.Author(2, "laptop"), new HistoryText.Author(2, "phone")), "hié\uD83D\uDE00"));
        // a part of no code points
        assertRefused(Hex.bytes("2a", "0123456789abcdef fedcba9876543210", "00060a241f454e00", "0000000000000000",
                "0000000000000000"));
    }

    @Test
    void malformedAnswersAreProtocolErrors() {
        // authors covering 3 of 4 code points
        assertRefused(Hex.bytes("29", "0123456789abcdef fedcba9876543210", "00060a241f454e00", "0000000000000001",
                "0000000000000003 6c6170746f700a", "0000000000000004", "6869c3a9 f09f9880"));
        // a version that ends before it starts
        assertRefused(Hex.bytes("28", "0123456789abcdef fedcba9876543210", "0000000000000001",
                "00060a241bb1c700 00060a24181e4000", "0000000000000001 0000000000000000 0000000000000000"));
        // a count of versions the bytes cannot hold
        assertRefused(Hex.bytes("28", "0123456789abcdef fedcba9876543210", "00000000ffffffff"));
        // a request cut short
        assertRefused(Hex.bytes("09", "0123456789abcdef fedcba9876543210", "0000"));
    }

    private void assertRefused(byte[] bytes) {
        assertThatThrownBy(() -> codec.decodeFrame(bytes)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).closeCode()).isEqualTo(1002);
    }

    private void check(byte[] bytes, Message message) throws Exception {
        assertThat(codec.decodeFrame(bytes)).containsExactly(message);
        assertThat(codec.encode(message)).isEqualTo(bytes);
    }
}
