package dev.weft.ui.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a pasted or dropped file goes, as Obsidian's "Default location for new attachments": the
 * setting {@code ./attachments} (the default) is a folder beside the note, {@code ./} the note's own
 * folder, {@code Files/Images} a folder from the vault's root, {@code /} the root itself.
 */
public final class AttachmentFolder {
    public static final String DEFAULT = "./attachments";
    private static final DateTimeFormatter PASTED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private AttachmentFolder() {
    }

    /** The vault-relative folder ("" for the root) for an attachment of the note {@code noteName}. */
    public static String of(String setting, String noteName) {
        String value = setting == null || setting.isBlank() ? DEFAULT : setting.strip().replace('\\', '/');
        boolean besideNote = value.equals(".") || value.startsWith("./");
        String base = besideNote ? ImagePaths.folderOf(noteName) : "";
        String rest = (besideNote ? value.substring(1) : value).replaceFirst("^/+", "");
        return rest.isEmpty() ? base : ImagePaths.normalize(base, rest).orElse(base);
    }

    /** The name Obsidian gives a pasted image: {@code Pasted image 20261208013005.png}. */
    public static String pastedName(LocalDateTime when) {
        return "Pasted image " + PASTED.format(when) + ".png";
    }

    /** {@code name} in {@code dir}, or {@code name 1}, {@code name 2}… before the extension: the first that is free. */
    public static Path unique(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path candidate = dir.resolve(name);
        for (int n = 1; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = dir.resolve(stem + " " + n + ext);
        }
        return candidate;
    }
}
