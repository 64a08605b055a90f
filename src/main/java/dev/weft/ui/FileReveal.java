package dev.weft.ui;

import dev.weft.ui.notes.TreeItem;
import dev.weft.vault.VaultPaths;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Shows a note's file or a folder in the system's file manager: selected in its folder where the
 * platform can ({@link Desktop.Action#BROWSE_FILE_DIR}, macOS and Windows), else by opening the
 * folder that holds it.
 */
final class FileReveal {
    private FileReveal() {
    }

    /** Whether this platform can show a file in a file manager at all (the menu item is off if not). */
    static boolean supported() {
        if (!Desktop.isDesktopSupported()) {
            return false;
        }
        Desktop desktop = Desktop.getDesktop();
        return desktop.isSupported(Desktop.Action.BROWSE_FILE_DIR) || desktop.isSupported(Desktop.Action.OPEN);
    }

    /** The file of a note ({@code VAULT/Work/Plans.md}) or the directory of a folder. */
    static Path target(Path vault, TreeItem item) {
        return item instanceof TreeItem.Note note ? new VaultPaths(vault).note(note.note().name())
                : vault.resolve(item.path());
    }

    /** Blocks while the desktop hands the path on: call off the event thread. */
    static void reveal(Path path) throws IOException {
        Desktop desktop = Desktop.getDesktop();
        File file = path.toFile();
        if (desktop.isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
            desktop.browseFileDirectory(file);
        } else {
            desktop.open(path.getParent().toFile());
        }
    }
}
