package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The receive budget's rules, without a network. */
class ReceiveBudgetTest {
    private static final ReceiveLimits LIMITS = new ReceiveLimits(100, 60, 10, Duration.ofSeconds(5));

    @Test
    void aDeviceTakesItsGuaranteedBytesOutsideTheBudget() {
        assertThat(ReceiveBudget.sharedAfter(LIMITS, 100, 0, 10)).as("budget full, within the guarantee").isEqualTo(100);
        assertThat(ReceiveBudget.sharedAfter(LIMITS, 100, 5, 6)).as("one byte past the guarantee").isEqualTo(-1);
        assertThat(ReceiveBudget.sharedAfter(LIMITS, 0, 5, 15)).as("the part past the guarantee counts").isEqualTo(10);
    }

    @Test
    void noDeviceHoldsMoreThanItsShare() {
        assertThat(ReceiveBudget.sharedAfter(LIMITS, 0, 50, 10)).isEqualTo(10);
        assertThat(ReceiveBudget.sharedAfter(LIMITS, 0, 50, 11)).isEqualTo(-1);
    }

    @Test
    void aGrantThatDoesNotFitWaitsUntilBytesComeBack() {
        ReceiveBudget budget = new ReceiveBudget(LIMITS);
        AtomicInteger woken = new AtomicInteger();
        assertThat(budget.acquireOrWait(1, 60, woken::incrementAndGet)).isTrue();
        assertThat(budget.acquireOrWait(2, 60, woken::incrementAndGet)).isTrue(); // 50 + 50 shared
        assertThat(budget.acquireOrWait(3, 20, woken::incrementAndGet)).as("10 of 20 are past the budget").isFalse();
        assertThat(budget.acquireOrWait(3, 10, () -> { })).as("the guarantee").isTrue();
        assertThat(budget.shared()).isEqualTo(100);
        assertThat(budget.held()).isEqualTo(130);
        budget.release(1, 60);
        assertThat(woken).hasValue(1);
        assertThat(budget.acquireOrWait(3, 20, woken::incrementAndGet)).isTrue();
        assertThat(budget.shared()).isEqualTo(70);
    }

    @Test
    void aCancelledWaiterIsNotWoken() {
        ReceiveBudget budget = new ReceiveBudget(LIMITS);
        AtomicInteger woken = new AtomicInteger();
        Runnable waiter = woken::incrementAndGet;
        assertThat(budget.acquireOrWait(1, 60, () -> { })).isTrue();
        assertThat(budget.acquireOrWait(1, 1, waiter)).isFalse();
        budget.cancel(waiter);
        budget.release(1, 60);
        assertThat(woken).hasValue(0);
        assertThat(budget.held()).isZero();
        assertThat(budget.shared()).isZero();
    }

    @Test
    void limitsThatCannotHoldAMessageAreRefused() {
        assertThatThrownBy(() -> new ReceiveLimits(10, 20, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceiveLimits(100, 20, 30, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceiveLimits(100, 20, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReceiveLimits.forMessages(16 << 20).perDeviceBytes()).isEqualTo(32L << 20);
    }
}
