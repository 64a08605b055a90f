package dev.weft.vault;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Tells a full disk from other I/O failures. Java reports ENOSPC and EDQUOT only as an
 * {@link IOException} with the system's message, so the message is what tells. (The store has
 * the same test: the package rules keep the vault and the store apart.)
 */
public final class DiskFull {
    /** Linux and macOS (ENOSPC, EDQUOT), Windows (ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL). */
    private static final List<String> MESSAGES = List.of("no space left on device", "disk quota exceeded",
            "not enough space on the disk", "the disk is full");

    private DiskFull() {
    }

    /** True when {@code error} or one of its causes is an I/O error for lack of space. */
    public static boolean causes(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (MESSAGES.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
