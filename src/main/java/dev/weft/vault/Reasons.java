package dev.weft.vault;

import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileSystemException;

/** Why something failed, in words for a message to the user: never a bare {@code null}. */
public final class Reasons {
    private Reasons() {
    }

    /** {@code e}'s message, or what its type means when it carries none (some JDK exceptions do not). */
    public static String of(Throwable e) {
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (e instanceof ClosedByInterruptException) {
            return "interrupted while writing (the program was closing)";
        }
        if (e instanceof ClosedChannelException) {
            return "the file was already closed";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e.getClass().getSimpleName() + " (" + f.getFile() + ")";
        }
        if (e.getCause() != null && e.getCause() != e) {
            return e.getClass().getSimpleName() + ": " + of(e.getCause());
        }
        return e.getClass().getSimpleName();
    }
}
