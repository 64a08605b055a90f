package dev.weft.server;

import dev.weft.protocol.NoteNames;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The rule for a file's path (docs/protocol.md §11): a note name's rule (§1), in NFC, not a note. */
final class FilePaths {
    private FilePaths() {
    }

    /** Why {@code path} is not a file's path, or empty if it is one. */
    static Optional<String> problem(String path) {
        Optional<String> name = NoteNames.validate(path);
        if (name.isPresent()) {
            return name;
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            return Optional.of("not in Unicode NFC");
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(".md")) {
            return Optional.of("a .md file is a note, not a file");
        }
        return Optional.empty();
    }
}
