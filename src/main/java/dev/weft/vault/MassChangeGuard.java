package dev.weft.vault;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The mass-change guard's rule (docs/vault.md, "Mass deletes and erasures"): one scan that would
 * trash or erase more than {@code notes} notes and more than {@code percent} % of the vault, or
 * every note of it, is held back for the user to decide. A pure function of the counts.
 *
 * @param notes hold only above this many notes (default 20)
 * @param percent ...and above this share of the vault's notes (default 10)
 */
public record MassChangeGuard(int notes, int percent) {
    /** The vault's setting, {@code .weft/config.properties}: {@code mass-change.notes}, {@code mass-change.percent}. */
    static final String CONFIG = "config.properties";
    public static final MassChangeGuard DEFAULT = new MassChangeGuard(20, 10);

    public MassChangeGuard {
        if (notes < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("mass-change.notes must be >= 0 and mass-change.percent 0..100");
        }
    }

    /**
     * Whether {@code changed} of the vault's {@code vaultNotes} notes (those not in the trash,
     * the changed ones included) trashed or erased by one scan are held back: above both limits,
     * or all of them when there are more than one (an emptied or unmounted folder).
     */
    public boolean holds(int changed, int vaultNotes) {
        if (changed > 1 && changed >= vaultNotes) {
            return true;
        }
        return changed > notes && (long) changed * 100 > (long) percent * vaultNotes;
    }

    /**
     * Whether a file holding {@code after} erases the note whose text is {@code before}: it had
     * text, and the file keeps less than a tenth of its length (emptied, truncated, mostly cut).
     */
    public static boolean erases(String before, String after) {
        return !before.isBlank() && (long) after.strip().length() * 10 < before.strip().length();
    }

    /** The vault's setting in {@code weftDir}, or the default; a bad value is an error that names the file. */
    public static MassChangeGuard read(Path weftDir) throws IOException {
        Path file = weftDir.resolve(CONFIG);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return DEFAULT;
        }
        try {
            return new MassChangeGuard(
                    Integer.parseInt(p.getProperty("mass-change.notes", String.valueOf(DEFAULT.notes)).strip()),
                    Integer.parseInt(p.getProperty("mass-change.percent", String.valueOf(DEFAULT.percent)).strip()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
