package dev.weft.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The server's stable id (the {@code server_id=} of a pairing answer): a random UUID made once
 * and kept in one line of a file, so a device can tell its server from a new one at the same
 * address.
 */
final class ServerIdFile {
    private ServerIdFile() {
    }

    /** The id in {@code file}, made and written first if the file does not exist. */
    static String loadOrCreate(Path file) throws IdentityException {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            if (!isUuid(text)) {
                throw new IdentityException(file + " does not hold a server id (one UUID); restore it, "
                        + "or delete it to make a new one (every device must then pair again)");
            }
            return text;
        } catch (NoSuchFileException e) {
            return create(file);
        } catch (IOException e) {
            throw new IdentityException(file + " cannot be read: " + e, e);
        }
    }

    private static String create(Path file) throws IdentityException {
        String id = UUID.randomUUID().toString();
        try {
            PrivateFiles.write(file, (id + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IdentityException(file + " cannot be written: " + e, e);
        }
        return id;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
