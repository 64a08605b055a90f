package dev.weft.protocol;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Weft-Store} header of a {@code /v1/sync} upgrade (docs/protocol.md §7, ext): the store a
 * device last synced with, and what the server's store still holds of it. Text, ASCII only.
 *
 * <p>Request: {@code STORE RUN SEEN} — the store id (UUID) and run (16 hex digits) the device
 * last met, {@code - -} for none, and {@code SEEN}, the greatest sync time it holds (decimal).
 * Answer, on the {@code 101}: {@code STORE RUN KEPT} — the store's id and current run, and the sync
 * time through which it holds every change of the store and run the request named.
 */
public final class StoreHeader {
    /** The header's name, on the request and on the {@code 101}. */
    public static final String NAME = "Weft-Store";

    private static final String NONE = "-";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REQUEST = Pattern.compile("(" + UUID_TEXT + "|-) ([0-9a-f]{16}|-) ([0-9]{1,20})");
    private static final Pattern ANSWER = Pattern.compile("(" + UUID_TEXT + ") ([0-9a-f]{16}) ([0-9]{1,20})");

    private StoreHeader() {
    }

    /** A store and one run of it (the time between two starts of its server). */
    public record Run(UUID store, long run) {
        @Override
        public String toString() {
            return store + " " + hex(run);
        }
    }

    /** What a device asks with: the run it last met (empty: none) and the greatest sync time it holds. */
    public record Request(Optional<Run> last, long seen) {
        public Request {
            if (seen < 0) {
                throw new IllegalArgumentException("a sync time is never negative");
            }
        }

        public String format() {
            return (last.isPresent() ? last.get().toString() : NONE + " " + NONE) + " " + seen;
        }
    }

    /** The server's answer: its store and current run, and the time through which it holds the asked run. */
    public record Answer(Run current, long kept) {
        public Answer {
            if (kept < 0) {
                throw new IllegalArgumentException("a sync time is never negative");
            }
        }

        public String format() {
            return current + " " + kept;
        }
    }

    /** @throws IllegalArgumentException for a value that is not a request of this form */
    public static Request parseRequest(String value) {
        Matcher m = REQUEST.matcher(value.strip());
        if (!m.matches() || m.group(1).equals(NONE) != m.group(2).equals(NONE)) {
            throw new IllegalArgumentException("malformed " + NAME + " header");
        }
        Optional<Run> last = m.group(1).equals(NONE) ? Optional.empty()
                : Optional.of(new Run(UUID.fromString(m.group(1)), Long.parseUnsignedLong(m.group(2), 16)));
        return new Request(last, time(m.group(3)));
    }

    /** @throws IllegalArgumentException for a value that is not an answer of this form */
    public static Answer parseAnswer(String value) {
        Matcher m = ANSWER.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed " + NAME + " header");
        }
        return new Answer(new Run(UUID.fromString(m.group(1)), Long.parseUnsignedLong(m.group(2), 16)), time(m.group(3)));
    }

    private static long time(String digits) {
        try {
            long time = Long.parseLong(digits);
            if (time < 0) {
                throw new NumberFormatException();
            }
            return time;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a sync time in " + NAME + " out of range");
        }
    }

    private static String hex(long run) {
        String digits = Long.toHexString(run);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
