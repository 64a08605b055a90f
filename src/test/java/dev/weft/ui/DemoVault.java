package dev.weft.ui;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.WelcomeNote;
import java.io.IOException;
import java.nio.file.Path;

/** A small vault with notes in folders, one with a table, a task list and code (screenshots, tests). */
final class DemoVault {
    static final String SHOWN = "Projects/Weft launch";

    private DemoVault() {
    }

    static Vault create(Path folder) throws IOException {
        Vault vault = Vault.open(folder, VaultOptions.defaults());
        vault.create("Welcome to Weft", WelcomeNote.text());
        vault.create("Journal/2026-11-24", "# Tuesday\n\nLong walk by the river. Ideas for the garden.\n");
        vault.create("Journal/2026-11-25", "# Wednesday\n\nCalled Ana about the **launch**.\n");
        vault.create("Recipes/Lentil soup", "# Lentil soup\n\n1. Onions, carrots, celery\n2. Lentils, stock\n3. Lemon\n");
        vault.create("Reading list", "- *The Mythical Man-Month*\n- *A Pattern Language*\n");
        vault.create(SHOWN, """
                # Weft launch

                Ship the **desktop app** by Friday; the server is ~~done~~ *live* already.

                ## Checklist

                - [x] Sync server on the home machine
                - [x] Pair the laptop and the phone
                - [ ] Screenshots for the README
                - [ ] Tell the book club

                | Device  | Role        | Status  |
                |---------|-------------|---------|
                | Desktop | hosts       | synced  |
                | Laptop  | editor      | synced  |
                | Phone   | reader      | offline |

                ```sh
                java -jar target/weft.jar --server
                ```

                > Notes stay plain Markdown: see https://commonmark.org
                """);
        return vault;
    }

    static NoteInfo note(Vault vault, String name) {
        return vault.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
