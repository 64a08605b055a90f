package dev.weft.ui;

import dev.weft.client.NoteHistory;
import dev.weft.client.TrashBatches;
import dev.weft.ui.links.VaultLinks;
import dev.weft.ui.notes.TreeItem;
import dev.weft.ui.settings.Preferences;
import dev.weft.ui.settings.Theme;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the note commands do: new, rename or move (a note or a whole folder), trash and restore,
 * quick open, search, settings. Asks on the event thread, changes the vault on the worker thread.
 */
final class NoteActions {
    private final MainWindow window;
    private final Vault vault;
    private SearchDialog searchDialog;
    private HistoryDialog historyDialog;

    NoteActions(MainWindow window) {
        this.window = window;
        this.vault = window.workspace.vault();
    }

    /**
     * Asks for the new note's name, proposed from the selection's first line in the chosen folder.
     * Left empty (or only a folder, {@code Work/}) the note is "Untitled" and its first line names
     * it as the user types ({@link FirstLineNamer}); a name given here stays.
     */
    void create() {
        create(folderOfSelection());
    }

    private void create(String folder) {
        String suggestion = folder + firstLine(window.area.getSelectedText()).orElse("");
        NameDialog.askOrBlank(window.frame, "New Note", "Name of the new note:", suggestion,
                "Use / for folders, as in Work/Plans. Left empty, the first line names the note.").ifPresent(typed -> {
                    boolean untitled = typed.isEmpty() || typed.endsWith("/");
                    String name = untitled ? typed.replaceAll("/+$", "/") + FirstLineNamer.UNTITLED : typed;
                    window.jobs.run("Could not create “" + name + "”", () -> vault.create(name, ""), note -> {
                        window.status.info("Created “" + note.name() + "”"
                                + (untitled ? ": its first line will name it" : ""));
                        if (untitled) {
                            window.namer.follow(note.id());
                        }
                        window.openNote(note.id(), null);
                    });
                });
    }

    /** Renames or moves what the commands act on ({@link #target}). */
    void rename() {
        rename(target());
    }

    /** Renames a note, or moves every note of a folder (one rename per note). */
    void rename(TreeItem item) {
        if (item instanceof TreeItem.Attachment file) {
            window.attachments.rename(file);
            return;
        }
        if (item instanceof TreeItem.Folder folder && !folder.path().isEmpty()) {
            renameFolder(folder.path());
            return;
        }
        live(item).ifPresent(note -> NameDialog.ask(window.frame, "Rename or Move",
                "New name of “" + note.name() + "”:", note.name()).ifPresent(name -> {
                    if (!name.equals(note.name())) {
                        window.namer.renamedByUser(note.id());
                        window.jobs.run("Could not rename “" + note.name() + "”", () -> {
                            vault.rename(note.id(), name);
                            String now = vault.note(note.id()).map(NoteInfo::name).orElse(name);
                            return "Renamed to “" + now + "”" + NoteLinks.said(window.links.afterRename(note.id(), note.name()));
                        }, window.status::info);
                    }
                }));
    }

    private void renameFolder(String folder) {
        NameDialog.ask(window.frame, "Rename or Move Folder", "New path of the folder “" + folder + "”:", folder)
                .ifPresent(target -> {
                    String to = stripSlashes(target);
                    if (to.equals(folder) || to.isEmpty()) {
                        return;
                    }
                    List<NoteInfo> inside = notesIn(folder);
                    window.jobs.run("Could not move the folder “" + folder + "”", () -> {
                        int links = 0;
                        java.util.Set<java.util.UUID> linking = new java.util.HashSet<>();
                        for (NoteInfo note : inside) {
                            vault.rename(note.id(), to + note.name().substring(folder.length()));
                            VaultLinks.Changes changes = window.links.afterRename(note.id(), note.name());
                            links += changes.links();
                            linking.addAll(changes.notes());
                        }
                        return "Moved " + inside.size() + (inside.size() == 1 ? " note" : " notes") + " to “" + to + "”"
                                + NoteLinks.said(new VaultLinks.Changes(links, List.copyOf(linking)));
                    }, window.status::info);
                });
    }

    /** Moves what the commands act on ({@link #target}) to the trash. */
    void trash() {
        trash(target());
    }

    /** Moves a note to the trash, or every note of a folder once the user agrees. */
    void trash(TreeItem item) {
        if (item instanceof TreeItem.Attachment file) {
            window.attachments.trash(file);
            return;
        }
        if (item instanceof TreeItem.Folder folder && !folder.path().isEmpty()) {
            trashFolder(folder.path());
            return;
        }
        live(item).ifPresent(note -> window.jobs.run("Could not move “" + note.name() + "” to the trash", () -> {
            vault.trash(note.id());
            return note;
        }, done -> window.status.info("Moved “" + done.name() + "” to the trash (File › Trash… brings it back)")));
    }

    private void trashFolder(String folder) {
        List<NoteInfo> inside = notesIn(folder);
        String count = inside.size() + (inside.size() == 1 ? " note" : " notes");
        if (!ConfirmDialog.ask(window.frame, "Move Folder to Trash",
                "Move " + count + " in " + folder + " to the trash on every device?", "Move to Trash")) {
            return;
        }
        window.jobs.run("Could not move the folder “" + folder + "” to the trash", () -> {
            vault.trash(inside.stream().map(NoteInfo::id).toList(), TrashBatches.next()); // one batch
            return count;
        }, done -> window.status.info("Moved " + done + " in “" + folder + "” to the trash (File › Trash… brings them back)"));
    }

    /** A new note in {@code folder} ("" at the top): the name is asked with the folder proposed. */
    void createIn(TreeItem item) {
        create(item == null ? "" : folderOf(item));
    }

    /** Shows the note's file or the folder in the system's file manager. */
    void reveal(TreeItem item) {
        if (item == null) {
            return;
        }
        java.nio.file.Path path = FileReveal.target(vault.folder(), item);
        window.jobs.run("Could not show " + path + " in the file manager", () -> {
            FileReveal.reveal(path);
            return path;
        }, done -> window.status.info("Showed " + done + " in the file manager"));
    }

    void showTrash() {
        TrashDialog[] shown = new TrashDialog[1];
        shown[0] = new TrashDialog(window.frame, vault, "this device", ids -> window.jobs.run("Could not restore the notes",
                () -> {
                    vault.restore(ids); // one action: one index write, the server hears of all at once
                    return ids.size() == 1 ? vault.note(ids.get(0)).map(n -> "“" + n.name() + "”").orElse("the note")
                            : ids.size() + " notes";
                }, what -> {
                    window.status.info("Restored " + what);
                    shown[0].reload();
                    if (ids.size() == 1) {
                        window.openNote(ids.get(0), null);
                    }
                }), ids -> window.jobs.run("Could not delete the notes forever", () -> vault.askPurge(ids), count -> {
                    window.status.info("Deleting " + count + (count == 1 ? " note" : " notes")
                            + " forever (on the server and every device)");
                    shown[0].reload();
                }));
        shown[0].show();
    }

    /** The History panel of the open note (one at a time: another note's replaces it). */
    void history() {
        UUID id = window.openNote.current();
        Optional<NoteInfo> note = id == null ? Optional.empty() : vault.note(id);
        if (note.isEmpty()) {
            window.status.info("Open a note to see its history");
            return;
        }
        String name = note.get().name();
        if (historyDialog != null) {
            historyDialog.close();
        }
        historyDialog = new HistoryDialog(window.frame, window.history.get(), name, window.area.getFont(),
                new HistoryDialog.OpenText() {
                    @Override
                    public String text() {
                        return id.equals(window.openNote.current()) ? window.area.getText() : null;
                    }

                    @Override
                    public boolean restore(NoteHistory.HistoryVersion version, String text) {
                        if (!window.openNote.replaceText(id, text)) {
                            return false;
                        }
                        window.status.info("Restored version " + version.number() + " of “" + name + "” (Undo takes it back)");
                        return true;
                    }
                });
        historyDialog.show();
    }

    void quickOpen() {
        QuickOpenDialog.ask(window.frame, vault.notes()).ifPresent(id -> window.openNote(id, null));
    }

    void search() {
        search(firstLine(window.area.getSelectedText()).orElse(""));
    }

    /** Search All Notes with {@code query} (empty: the last query). */
    void search(String query) {
        if (searchDialog == null) {
            searchDialog = new SearchDialog(window.frame, window.index, match ->
                    window.openNote(match.note(), new OpenNote.Selection(match.start(), match.end())));
        }
        searchDialog.show(query);
    }

    void settings() {
        Preferences before = window.settings.current().preferences();
        SettingsDialog.ask(window.frame, before).ifPresent(after -> {
            window.settings.update(s -> s.withPreferences(after));
            boolean themeChanged = after.theme() != before.theme();
            if (themeChanged && after.theme() == Theme.SYSTEM) {
                window.jobs.run("Could not read the system theme", dev.weft.ui.settings.OsTheme::prefersDark,
                        window::restyle);
            } else {
                window.restyle(after.theme() == Theme.DARK || after.theme() == Theme.SYSTEM && Looks.dark());
            }
            if (after.vault() != null && !after.vault().equals(before.vault())) {
                window.status.info("Weft opens " + after.vault() + " the next time it starts");
            }
        });
    }

    /**
     * What the menu commands act on: the tree's selection while the tree has the focus (a folder
     * too), else the open note, whatever is selected in the tree.
     */
    private TreeItem target() {
        if (window.list.tree().isFocusOwner()) {
            return window.list.item();
        }
        UUID open = window.openNote.current();
        return open == null ? null : vault.note(open).<TreeItem>map(n -> new TreeItem.Note(n, n.name())).orElse(null);
    }

    /** The note of {@code item} as the vault has it now, unless trashed; else says to choose one. */
    private Optional<NoteInfo> live(TreeItem item) {
        Optional<NoteInfo> note = item instanceof TreeItem.Note n
                ? vault.note(n.note().id()).filter(info -> !info.trashed()) : Optional.empty();
        if (note.isEmpty()) {
            window.status.info("Choose a note first");
        }
        return note;
    }

    private List<NoteInfo> notesIn(String folder) {
        List<NoteInfo> inside = new ArrayList<>();
        for (NoteInfo note : vault.notes()) {
            if (!note.trashed() && note.name().startsWith(folder + "/")) {
                inside.add(note);
            }
        }
        return inside;
    }

    /** The folder of the chosen tree item or the open note, with a trailing slash ("" at the top). */
    private String folderOfSelection() {
        TreeItem item = window.list.item();
        if (item != null) {
            return folderOf(item);
        }
        UUID open = window.openNote.current();
        return open == null ? "" : vault.note(open).map(n -> folderOf(new TreeItem.Note(n, n.name()))).orElse("");
    }

    /** A folder's own path, or a note's folder, with a trailing slash ("" at the top). */
    private static String folderOf(TreeItem item) {
        if (item instanceof TreeItem.Folder folder) {
            return folder.path().isEmpty() ? "" : folder.path() + "/";
        }
        String name = item.path();
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    static Optional<String> firstLine(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String line = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "")
                .replaceAll("[/\\\\:*?\"<>|]", " ").strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line.length() > 60 ? line.substring(0, 60).strip() : line);
    }

    private static String stripSlashes(String path) {
        return path.strip().replaceAll("^/+|/+$", "");
    }
}
