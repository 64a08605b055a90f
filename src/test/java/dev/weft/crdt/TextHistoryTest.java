package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions and the text as of a time, from hand-built histories (issue 16 §3). */
class TextHistoryTest {
    private static final long MIN = 60_000_000L;
    private static final long T0 = 1_765_000_000_000_000L;
    private static final int LAPTOP = 1;
    private static final int PHONE = 2;

    /** "hello" typed on the laptop, " world" on the phone a minute later, "hello" deleted 10 minutes on. */
    private static TextHistory twoDevices() {
        TextHistory.Builder b = TextHistory.builder();
        for (char c : "hello".toCharArray()) {
            b.add(c, LAPTOP, T0, T0 + 11 * MIN);
        }
        long t = T0 + MIN;
        for (char c : " world".toCharArray()) {
            b.add(c, PHONE, t, TextHistory.ALIVE);
            t += 1_000_000;
        }
        return b.build();
    }

    @Test
    void versionsAreEditingSessionsWithTheirDevicesAndCounts() {
        List<TextHistory.Version> versions = twoDevices().versions();
        assertThat(versions).containsExactly(
                new TextHistory.Version(1, T0, T0 + MIN + 5_000_000, List.of(LAPTOP, PHONE), 11, 0),
                new TextHistory.Version(2, T0 + 11 * MIN, T0 + 11 * MIN, List.of(), 0, 5));
    }

    @Test
    void theTextAsOfATimeWithItsAuthors() {
        TextHistory history = twoDevices();
        assertThat(history.textAt(T0 - 1).text()).isEmpty();
        assertThat(history.textAt(T0).text()).isEqualTo("hello");
        TextHistory.Text both = history.textAt(T0 + 2 * MIN);
        assertThat(both.text()).isEqualTo("hello world");
        assertThat(both.spans()).containsExactly(new TextHistory.Span(0, 5, LAPTOP), new TextHistory.Span(5, 11, PHONE));
        TextHistory.Text now = history.textAt(Long.MAX_VALUE);
        assertThat(now.text()).isEqualTo(" world");
        assertThat(now.spans()).containsExactly(new TextHistory.Span(0, 6, PHONE));
    }

    /** A gap of just under 5 minutes stays in the version; exactly 5 minutes starts a new one. */
    @Test
    void aGapOfExactlyFiveMinutesStartsANewVersion() {
        TextHistory.Builder b = TextHistory.builder();
        b.add('a', LAPTOP, T0, TextHistory.ALIVE);
        b.add('b', LAPTOP, T0 + 5 * MIN - 1, TextHistory.ALIVE);
        b.add('c', PHONE, T0 + 10 * MIN - 1, TextHistory.ALIVE);
        List<TextHistory.Version> versions = b.build().versions();
        assertThat(versions).extracting(TextHistory.Version::from).containsExactly(T0, T0 + 10 * MIN - 1);
        assertThat(versions.get(0).inserted()).isEqualTo(2);
        assertThat(versions.get(1).sites()).containsExactly(PHONE);
    }

    /** Text deleted and typed again (new atoms) shows at each time as it was; surrogate pairs count as two offsets. */
    @Test
    void deletedAndRetypedText() {
        TextHistory.Builder b = TextHistory.builder();
        b.add('x', LAPTOP, T0, T0 + 20 * MIN); // typed, deleted in version 3
        b.add(0x1F600, PHONE, T0 + 10 * MIN, TextHistory.ALIVE); // an emoji in version 2
        b.add('y', LAPTOP, T0 + 20 * MIN, TextHistory.ALIVE); // retyped where x was
        b.add(AtomVisitor.TOMBSTONE, PHONE, TextHistory.NEVER, T0 + 20 * MIN); // a delete before its insert
        b.add(AtomVisitor.TOMBSTONE, PHONE, T0, TextHistory.UNKNOWN); // deleted before the server kept deleted text
        TextHistory history = b.build();
        List<TextHistory.Version> versions = history.versions();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(2)).isEqualTo(new TextHistory.Version(3, T0 + 20 * MIN, T0 + 20 * MIN, List.of(LAPTOP), 1, 2));
        assertThat(versions.get(0).inserted()).as("a tombstone whose text is forgotten is no change").isEqualTo(1);
        TextHistory.Text v2 = history.textAt(versions.get(1).to());
        assertThat(v2.text()).isEqualTo("x\uD83D\uDE00");
        assertThat(v2.spans()).containsExactly(new TextHistory.Span(0, 1, LAPTOP), new TextHistory.Span(1, 3, PHONE));
        assertThat(history.textAt(versions.get(2).to()).text()).isEqualTo("\uD83D\uDE00y");
    }
}
