package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The pairing guard's rules on a made-up clock, without a network. */
class PairingGuardTest {
    private static final long SECOND = 1_000_000_000L;
    private static final InetAddress A = address(10, 0, 0, 1);
    private static final InetAddress B = address(10, 0, 0, 2);

    @Test
    void waitsDoubleAfterTheFreeTriesUpToAMinute() {
        assertThat(PairingGuard.waitSeconds(0)).isZero();
        assertThat(PairingGuard.waitSeconds(PairingGuard.FREE_WRONG - 1)).isZero();
        assertThat(PairingGuard.waitSeconds(PairingGuard.FREE_WRONG)).isEqualTo(1);
        assertThat(PairingGuard.waitSeconds(PairingGuard.FREE_WRONG + 1)).isEqualTo(2);
        assertThat(PairingGuard.waitSeconds(PairingGuard.FREE_WRONG + 5)).isEqualTo(32);
        assertThat(PairingGuard.waitSeconds(PairingGuard.FREE_WRONG + 6)).isEqualTo(60);
        assertThat(PairingGuard.waitSeconds(Integer.MAX_VALUE)).isEqualTo(60);
    }

    @Test
    void anAddressThatGuessesWaitsAndOthersDoNot() {
        PairingGuard guard = new PairingGuard();
        long now = 0;
        for (int i = 0; i < PairingGuard.FREE_WRONG; i++) {
            assertThat(guard.retryAfter(A, now)).isZero();
            guard.wrong(A, now);
        }
        assertThat(guard.retryAfter(A, now)).isEqualTo(1);
        assertThat(guard.retryAfter(B, now)).isZero();
        now += SECOND;
        assertThat(guard.retryAfter(A, now)).isZero();
        guard.wrong(A, now);
        assertThat(guard.retryAfter(A, now + SECOND)).isEqualTo(1);
        assertThat(guard.retryAfter(A, now + 2 * SECOND)).isZero();
        guard.paired(A);
        assertThat(guard.retryAfter(A, now)).as("a right code starts afresh").isZero();
    }

    @Test
    void theLogGetsTheFirstWrongCodeThenASummaryAMinute() {
        PairingGuard guard = new PairingGuard();
        long now = 0;
        assertThat(guard.wrong(A, now)).contains("10.0.0.1");
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            now += SECOND / 1000;
            if (guard.retryAfter(A, now) > 0) {
                refused++;
            } else {
                assertThat(guard.wrong(A, now)).isNull();
            }
        }
        assertThat(guard.summaries(now)).as("the minute is not over").isEmpty();
        now = 60 * SECOND;
        assertThat(guard.summaries(now)).singleElement().asString()
                .contains("10.0.0.1").contains(refused + " tries refused with 429");
        assertThat(guard.summaries(now + 120 * SECOND)).as("a quiet minute has nothing to say").isEmpty();
        assertThat(guard.watching()).as("quiet and free to try again: forgotten").isFalse();
    }

    @Test
    void itRemembersABoundedNumberOfAddresses() {
        PairingGuard guard = new PairingGuard();
        for (int i = 0; i <= PairingGuard.MAX_ADDRESSES; i++) {
            for (int k = 0; k < PairingGuard.FREE_WRONG; k++) {
                guard.wrong(address(10, 1, i >> 8, i & 0xff), i);
            }
        }
        assertThat(guard.retryAfter(address(10, 1, 0, 0), PairingGuard.MAX_ADDRESSES)).as("the oldest is forgotten").isZero();
        int last = PairingGuard.MAX_ADDRESSES;
        assertThat(guard.retryAfter(address(10, 1, last >> 8, last & 0xff), last)).isEqualTo(1);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
