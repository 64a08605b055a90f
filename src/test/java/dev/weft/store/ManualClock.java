package dev.weft.store;

/** A clock that tests set and move by hand, in microseconds since the epoch. */
final class ManualClock implements MicrosClock {
    private volatile long now;

    ManualClock(long now) {
        this.now = now;
    }

    @Override
    public long nowMicros() {
        return now;
    }

    void set(long micros) {
        now = micros;
    }

    void advance(long micros) {
        now += micros;
    }
}
