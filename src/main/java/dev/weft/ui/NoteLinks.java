package dev.weft.ui;

import dev.weft.client.files.VaultFiles;
import dev.weft.ui.links.BacklinksPanel;
import dev.weft.ui.links.Link;
import dev.weft.ui.links.LinkCompletion;
import dev.weft.ui.links.LinkIndexFeed;
import dev.weft.ui.links.LinkParser;
import dev.weft.ui.links.LinkTargets;
import dev.weft.ui.links.PreviewLinks;
import dev.weft.ui.links.VaultLinks;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * The window's links: the Backlinks panel under the note list (fed by a {@link LinkIndexFeed}),
 * Ctrl+click on a link in the editor and a click in the preview (opening the note, or creating it
 * once the user agrees), completion after {@code [[}, and the rewrite of links after a rename.
 * Event thread, except {@link #afterRename} (the worker thread).
 */
final class NoteLinks {
    private final MainWindow window;
    private final Vault vault;
    private final LinkIndexFeed feed;
    private final BacklinksPanel panel;

    NoteLinks(MainWindow window) {
        this.window = window;
        this.vault = window.workspace.vault();
        this.feed = new LinkIndexFeed(vault);
        this.panel = new BacklinksPanel(m -> window.openNote(m.note(), new OpenNote.Selection(m.start(), m.end())));
        new LinkCompletion(window.area, vault::notes);
        window.area.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
                if (SwingUtilities.isLeftMouseButton(e) && (e.getModifiersEx() & shortcut) != 0 && followAt(e)) {
                    e.consume();
                }
            }
        });
    }

    /** The Backlinks panel, a tab of the side panels. */
    JComponent panel() {
        return panel.component();
    }

    void start() {
        feed.start();
    }

    void opened(UUID idOrNull) {
        feed.watch(idOrNull, panel::show);
    }

    void close() {
        feed.close();
    }

    /** A click on {@code href} in the preview: a link to a note opens it, anything else goes to {@code browse}. */
    void previewClicked(String href, Consumer<String> browse) {
        Optional<Link> link = PreviewLinks.clicked(href);
        if (link.isPresent()) {
            follow(link.get());
        } else {
            browse.accept(href);
        }
    }

    private boolean followAt(MouseEvent e) {
        int at = window.area.viewToModel2D(e.getPoint());
        for (Link link : LinkParser.parse(window.area.getText())) {
            if (link.start() <= at && at < link.end()) {
                follow(link);
                return true;
            }
        }
        return false;
    }

    /** Opens where {@code link}, in the open note, leads; offers to create a missing note. */
    void follow(Link link) {
        List<NoteInfo> notes = vault.notes().stream().filter(n -> !n.trashed()).toList();
        String from = openName().map(LinkTargets::notePath).orElse("");
        LinkTargets targets = new LinkTargets(notes.stream().map(n -> LinkTargets.notePath(n.name())).toList());
        Optional<String> to = targets.resolve(link, from);
        if (to.isPresent()) {
            String name = LinkTargets.noteName(to.get()).orElse(null);
            notes.stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst()
                    .ifPresentOrElse(n -> window.openNote(n.id(), null),
                            () -> window.status.info("“" + to.get() + "” is not a note"));
            return;
        }
        String wanted = link.kind() == Link.Kind.WIKI ? link.target().strip().replaceAll("^/+|/+$", "")
                : Optional.ofNullable(LinkTargets.normalize(LinkTargets.folder(from) + link.target())).orElse(link.target());
        String name = LinkTargets.noteName(wanted).orElse(wanted);
        if (name.matches(".*\\.[A-Za-z0-9]{1,5}$")) {
            window.status.info("There is no file “" + wanted + "” in the vault");
            return;
        }
        if (!ConfirmDialog.ask(window.frame, "Create Note", "There is no note “" + name + "”. Create it?", "Create")) {
            return;
        }
        window.jobs.run("Could not create “" + name + "”", () -> vault.create(name, ""), note -> {
            window.status.info("Created “" + note.name() + "”");
            window.openNote(note.id(), null);
        });
    }

    /**
     * After note {@code id} was renamed from {@code oldName}: every link to it in every note leads
     * to it again (the open note's through the editor, so Undo takes them back). Worker thread.
     */
    VaultLinks.Changes afterRename(UUID id, String oldName) throws IOException {
        String newName = vault.note(id).map(NoteInfo::name).orElse(oldName);
        return afterMove(LinkTargets.notePath(oldName), LinkTargets.notePath(newName));
    }

    /** After an attachment moved in the tree (vault paths): the links to it lead to it again. Event thread. */
    void attachmentMoved(String from, String to) {
        window.jobs.run("Could not update the links to “" + to + "”", () -> afterMove(from, to), changes -> {
            if (changes.sentence() != null) {
                window.status.info("Moved to “" + to + "”" + said(changes));
            }
        });
    }

    private VaultLinks.Changes afterMove(String from, String to) throws IOException {
        Set<UUID> candidates;
        try {
            candidates = feed.mayLinkTo(List.of(from, to));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new VaultLinks.Changes(0, List.of());
        }
        // the vault's other files as they are after the move: links to attachments resolve among them
        VaultLinks.Changes changes = VaultLinks.afterMove(vault, from, to, VaultFiles.list(vault.folder()), candidates,
                (note, change) -> {
            boolean[] open = {false};
            try {
                SwingUtilities.invokeAndWait(() -> {
                    if (note.equals(window.openNote.current())) {
                        open[0] = true;
                        String text = window.area.getText();
                        String now = change.apply(text);
                        if (!now.equals(text)) {
                            window.openNote.replaceText(note, now);
                        }
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (InvocationTargetException e) {
                throw new IOException(e.getCause());
            }
            return open[0];
        });
        feed.changed(changes.notes());
        return changes;
    }

    /** {@link VaultLinks.Changes#sentence}, with a leading "; " (or "" if no link changed). */
    static String said(VaultLinks.Changes changes) {
        return changes.sentence() == null ? "" : "; " + changes.sentence();
    }

    private Optional<String> openName() {
        UUID open = window.openNote.current();
        return open == null ? Optional.empty() : vault.note(open).map(NoteInfo::name);
    }
}
