package dev.weft.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PidTest {
    private static Pid pid(long... identSitePairs) {
        long[] keys = new long[identSitePairs.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Pid.key((int) identSitePairs[2 * i + 1], identSitePairs[2 * i]);
        }
        return Pid.of(keys);
    }

    @Test
    void identsCompareUnsignedBeforeSites() {
        assertThat(pid(1, 200)).isLessThan(pid(2, 1));
        assertThat(pid(0x7FFF_FFFFL, 9)).isLessThan(pid(0x8000_0000L, 1));
        assertThat(pid(0xFFFF_FFFFL, 1)).isGreaterThan(pid(0xFFFF_FFFEL, 255));
    }

    @Test
    void equalIdentsAreOrderedBySite() {
        assertThat(pid(5, 3)).isLessThan(pid(5, 4));
    }

    @Test
    void aProperPrefixIsSmaller() {
        assertThat(pid(5, 3)).isLessThan(pid(5, 3, 0, 1));
        assertThat(pid(5, 3, 0, 1)).isLessThan(pid(5, 4));
        assertThat(pid(5, 3, 9, 9).compareTo(pid(5, 3, 9, 9))).isZero();
    }

    @Test
    void equalPidsAreEqualValues() {
        assertThat(pid(7, 2, 8, 3)).isEqualTo(pid(7, 2, 8, 3)).hasSameHashCodeAs(pid(7, 2, 8, 3));
        assertThat(pid(7, 2)).isNotEqualTo(pid(7, 3));
        assertThat(pid(7, 2, 8, 3)).hasToString("[(7,2)(8,3)]");
    }

    @Test
    void accessorsReturnPairs() {
        Pid p = pid(0xFFFF_FFFFL, 255, 0, 1);
        assertThat(p.depth()).isEqualTo(2);
        assertThat(p.identAt(0)).isEqualTo(0xFFFF_FFFFL);
        assertThat(p.siteAt(0)).isEqualTo(255);
        assertThat(p.site()).isEqualTo(1);
    }

    @Test
    void siteZeroAndBadDepthsAreRejected() {
        assertThatThrownBy(() -> Pid.single(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pid.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pid.of(new long[256])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pid.single(1, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreCopiedInAndOut() {
        long[] keys = {Pid.key(1, 10)};
        Pid p = Pid.of(keys);
        keys[0] = Pid.key(2, 20);
        p.keys()[0] = 0;
        assertThat(p).isEqualTo(Pid.single(1, 10));
    }
}
