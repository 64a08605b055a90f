package dev.weft.protocol;

import java.util.List;
import java.util.Objects;

/** Range and presence checks the message records share; failures are programming errors. */
final class Fields {
    private Fields() {
    }

    /** A site as it appears in a message: 1..255 (site 0 never exists). */
    static int site(int site) {
        if (site < 1 || site > 255) {
            throw new IllegalArgumentException("site " + site + " outside 1..255");
        }
        return site;
    }

    static int u16(int value, String field) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " " + value + " outside 0..65535");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, field);
    }

    /** An immutable copy; rejects a null list or element. */
    static <T> List<T> copy(List<T> list, String field) {
        return List.copyOf(Objects.requireNonNull(list, field));
    }
}
