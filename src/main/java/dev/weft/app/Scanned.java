package dev.weft.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command as {@link ArgScanner} split them, with conversions that turn a bad
 * value into a {@link UsageException} naming the option.
 *
 * @param words positional arguments, in order
 * @param values options given with a value
 * @param switches switches given
 */
record Scanned(List<String> words, Map<String, String> values, Set<String> switches) {
    Scanned {
        words = List.copyOf(words);
        values = Map.copyOf(values);
        switches = Set.copyOf(switches);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    boolean has(String option) {
        return values.containsKey(option) || switches.contains(option);
    }

    /** The option's value as a path, or {@code fallback} when it was not given. */
    Path path(String option, Path fallback) throws UsageException {
        String value = values.get(option);
        return value == null ? fallback : toPath(option, value);
    }

    /** The option's value as a whole number in {@code min..max}, or {@code fallback}. */
    int number(String option, int fallback, int min, int max) throws UsageException {
        String value = values.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new UsageException(option + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }

    /** The only positional argument, called {@code what} in messages. */
    String onlyWord(String command, String what) throws UsageException {
        if (words.isEmpty()) {
            throw new UsageException("'" + command + "' needs " + what);
        }
        noWordsAfter(1);
        return words.get(0);
    }

    /** Fails on a positional argument at or after index {@code expected}. */
    void noWordsAfter(int expected) throws UsageException {
        if (words.size() > expected) {
            throw new UsageException("unexpected argument '" + words.get(expected) + "'");
        }
    }

    static Path toPath(String what, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": '" + value + "' is not a valid path");
        }
    }
}
