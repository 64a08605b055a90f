package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The byte order of the keys is the order the store relies on. */
class KeysTest {
    private static final UUID DOC = UUID.fromString("f0000000-0000-0000-8000-00000000000f");

    @Provide
    Arbitrary<Pid> pids() {
        Arbitrary<Long> pair = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, Pid.MAX_IDENT),
                        Arbitraries.longs().between(Pid.MAX_IDENT - 2, Pid.MAX_IDENT)))
                .as((site, ident) -> Pid.key(site, ident));
        return pair.list().ofMinSize(1).ofMaxSize(4).map(keys -> Pid.of(keys.stream().mapToLong(k -> k).toArray()));
    }

    @Property(tries = 2000)
    void atomKeysSortAsPidsDo(@ForAll("pids") Pid a, @ForAll("pids") Pid b) {
        int bytes = Arrays.compareUnsigned(Keys.atom(DOC, a), Keys.atom(DOC, b));
        assertThat(Integer.signum(bytes)).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Property(tries = 500)
    void pidsComeBackFromTheirKeys(@ForAll("pids") Pid pid) {
        assertThat(Keys.pidAt(Keys.atom(DOC, pid), Keys.DOCUMENT)).isEqualTo(pid);
        assertThat(Keys.atom(Keys.document(DOC), pid)).isEqualTo(Keys.atom(DOC, pid));
        byte[] packed = Keys.packPids(List.of(pid, Pid.single(3, 4), pid));
        assertThat(Keys.unpackRanges(packed)).containsExactly(new PidRange(pid, 1, 1),
                new PidRange(Pid.single(3, 4), 1, 1), new PidRange(pid, 1, 1));
    }

    @Property(tries = 500)
    void rangesComeBackPackedAmongLonePids(@ForAll("pids") Pid pid) {
        long room = Pid.MAX_IDENT - pid.identAt(pid.depth() - 1);
        List<PidRange> ranges = room >= 6
                ? List.of(new PidRange(pid, 1, 1), new PidRange(pid, room / 3, 3), new PidRange(Pid.single(9, 4), 2, 300))
                : List.of(new PidRange(pid, 1, 1), new PidRange(Pid.single(9, 4), 2, 300));
        assertThat(Keys.unpackRanges(Keys.packRanges(ranges))).isEqualTo(ranges);
    }

    @Test
    void documentsSortBeforeTheirAtomsAndApart() {
        UUID next = new UUID(DOC.getMostSignificantBits(), DOC.getLeastSignificantBits() + 1);
        byte[] doc = Keys.document(DOC);
        byte[] atom = Keys.atom(DOC, Pid.single(255, Pid.MAX_IDENT));
        assertThat(Arrays.compareUnsigned(doc, atom)).isNegative();
        assertThat(Arrays.compareUnsigned(atom, Keys.afterPrefix(doc))).isNegative();
        assertThat(Keys.afterPrefix(doc)).isEqualTo(Keys.document(next));
        assertThat(Keys.afterPrefix(new byte[] {1, (byte) 0xFF})).containsExactly(2);
        assertThat(Keys.afterPrefix(new byte[] {(byte) 0xFF, (byte) 0xFF})).isNull();
        assertThat(Keys.documentAt(Keys.sync(5, DOC), Keys.TIME)).isEqualTo(DOC);
    }

    @Test
    void syncKeysSortByTimeThenDocument() {
        UUID low = new UUID(0, 1);
        UUID high = new UUID(-1, -1);
        assertThat(Arrays.compareUnsigned(Keys.sync(1, high), Keys.sync(2, low))).isNegative();
        assertThat(Arrays.compareUnsigned(Keys.sync(2, low), Keys.sync(2, high))).isNegative();
        assertThat(Arrays.compareUnsigned(Keys.syncAfter(1), Keys.sync(2, low))).isNegative();
        assertThat(Arrays.compareUnsigned(Keys.sync(1, high), Keys.syncAfter(1))).isNegative();
    }
}
