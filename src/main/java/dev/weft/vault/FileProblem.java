package dev.weft.vault;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says why a file operation failed, for a user: the JDK's {@link AccessDeniedException} and its kin
 * carry only the path, so "cannot open the vault DIR: DIR/.weft" would tell no reason.
 */
public final class FileProblem {
    private FileProblem() {
    }

    /** {@code PATH: permission denied}, {@code PATH: no such file or folder}, … or the message as it is. */
    public static String describe(IOException e) {
        if (!(e instanceof FileSystemException fs) || fs.getReason() != null) {
            return e.getMessage();
        }
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof NotDirectoryException ? "not a folder"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                : null;
        if (reason == null) {
            return e.getMessage();
        }
        return fs.getFile() == null ? reason : fs.getFile() + ": " + reason;
    }
}
