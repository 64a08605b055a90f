package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PairingCodesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MemoryPairingCodeStore store = new MemoryPairingCodeStore();
    private final PairingCodes codes = new PairingCodes(store, new Secrets(new SecureRandom()), clock);

    @Test
    void aCodeWorksOnce() {
        String code = codes.issue();

        assertThat(codes.redeem(code)).isTrue();
        assertThat(codes.redeem(code)).isFalse();
    }

    @Test
    void aCodeNeverIssuedDoesNotWork() {
        codes.issue();

        assertThat(codes.redeem("0123456789ABCDEFGHJKMNPQRS")).isFalse();
    }

    @Test
    void aCodeWorksForFifteenMinutesByDefault() {
        String lastMoment = codes.issue();
        String tooLate = codes.issue();

        clock.advance(Duration.ofMinutes(15).minusNanos(1000));
        assertThat(codes.redeem(lastMoment)).isTrue();
        clock.advance(Duration.ofNanos(1000));
        assertThat(codes.redeem(tooLate)).isFalse();
    }

    @Test
    void anExpiredCodeIsUsedUpToo() {
        String code = codes.issue();
        clock.advance(Duration.ofHours(1));

        assertThat(codes.redeem(code)).isFalse();
        assertThat(store.hashes()).isEmpty();
    }

    @Test
    void severalCodesMayBeOpenAtOnce() {
        String first = codes.issue();
        clock.advance(Duration.ofMinutes(10));
        String second = codes.issue();
        clock.advance(Duration.ofMinutes(10));

        assertThat(codes.redeem(first)).isFalse();
        assertThat(codes.redeem(second)).isTrue();
    }

    @Test
    void takesAnotherLifetime() {
        PairingCodes brief = new PairingCodes(store, new Secrets(new SecureRandom()), clock, Duration.ofSeconds(30));
        String code = brief.issue();
        clock.advance(Duration.ofSeconds(30));

        assertThat(brief.redeem(code)).isFalse();
        assertThatThrownBy(() -> new PairingCodes(store, new Secrets(new SecureRandom()), clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairingCodes(store, new Secrets(new SecureRandom()), clock, Duration.ofNanos(999)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoreSeesOnlyHashes() {
        String code = codes.issue();

        assertThat(store.hashes()).singleElement().satisfies(hash -> {
            assertThat(hash).isEqualTo(Secrets.hash(code));
            assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(code);
        });
    }

    @Test
    void aCodeSurvivesARestartOfTheServer() {
        String code = codes.issue();
        PairingCodes restarted = new PairingCodes(store, new Secrets(new SecureRandom()), clock);

        assertThat(restarted.redeem(code)).isTrue();
    }

    @Test
    void ofManyConcurrentRedeemsOnlyOneSucceeds() throws Exception {
        String code = codes.issue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                attempts.add(() -> codes.redeem(code));
            }
            int successes = 0;
            for (Future<Boolean> attempt : pool.invokeAll(attempts, 60, TimeUnit.SECONDS)) {
                successes += attempt.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
