package dev.weft.ui;

import dev.weft.ui.attach.AttachmentFolder;
import dev.weft.client.files.VaultFiles;
import dev.weft.ui.notes.TreeItem;
import java.awt.Component;
import java.awt.Desktop;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeCellRenderer;
import javax.swing.tree.TreePath;

/**
 * The vault's attachments in the window: listed in the note tree while View › Show Attachments is on
 * (remembered), read again when the vault's notes change, when the window comes to the front and
 * after the window's own changes; opened with the system's program (double click or Enter); renamed
 * or moved (then {@link AttachmentMoved} hears of it) and moved to the vault's {@code .trash/} folder,
 * which sync leaves out, as Obsidian's "move to Obsidian trash". Disk work runs on its own thread
 * ({@code weft-files}), so a big copy never holds up the notes. Event thread only.
 */
final class AttachmentActions implements AutoCloseable {
    static final String TRASH = ".trash";

    private final MainWindow window;
    private final AttachmentMoved moved;
    final Jobs jobs;
    private boolean shown;
    private boolean listing;
    private boolean listAgain;

    AttachmentActions(MainWindow window, AttachmentMoved moved) {
        this.window = window;
        this.moved = moved;
        this.jobs = new Jobs("weft-files", window.status::problem);
        this.shown = window.settings.current().attachmentsShown();
        JTree tree = window.list.tree();
        TreeCellRenderer base = tree.getCellRenderer();
        tree.setCellRenderer((t, value, selected, expanded, leaf, row, focus) -> {
            Component c = base.getTreeCellRendererComponent(t, value, selected, expanded, leaf, row, focus);
            if (value instanceof DefaultMutableTreeNode node && node.getUserObject() instanceof TreeItem.Attachment file
                    && c instanceof JLabel label) {
                label.setIcon(AttachmentIcon.of(file.path()));
            }
            return c;
        });
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                TreePath path = tree.getPathForLocation(e.getX(), e.getY());
                if (e.getClickCount() == 2 && e.getButton() == MouseEvent.BUTTON1 && path != null
                        && ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject() instanceof TreeItem.Attachment file) {
                    open(file);
                }
            }
        });
        KeyStroke enter = KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0);
        Object before = tree.getInputMap(JComponent.WHEN_FOCUSED).get(enter);
        Action usual = before == null ? null : tree.getActionMap().get(before); // the look and feel's, if any
        tree.getInputMap(JComponent.WHEN_FOCUSED).put(enter, "weft.tree.open");
        tree.getActionMap().put("weft.tree.open", new AbstractAction("Open") {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (window.list.item() instanceof TreeItem.Attachment file) {
                    open(file);
                } else if (usual != null) {
                    usual.actionPerformed(e);
                }
            }
        });
        window.frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowActivated(WindowEvent e) {
                refresh(); // files may have come from the file manager meanwhile
            }
        });
    }

    boolean shown() {
        return shown;
    }

    /** Lists the attachments in the tree or stops, and remembers it. */
    void setShown(boolean on) {
        shown = on;
        window.settings.update(s -> s.withAttachmentsShown(on));
        refresh();
    }

    /** Reads the vault's files again (while shown); calls while a reading waits make one more after it. */
    void refresh() {
        if (!shown) {
            window.list.showFiles(List.of());
            return;
        }
        if (listing) {
            listAgain = true;
            return;
        }
        listing = true;
        listAgain = false;
        Path vault = window.workspace.vault().folder();
        jobs.run("Could not list the vault's files", () -> {
            try {
                return Optional.of(VaultFiles.list(vault));
            } catch (IOException e) {
                return Optional.<List<String>>empty(); // the tree keeps what it showed
            }
        }, files -> {
            listing = false;
            if (shown) {
                files.ifPresent(window.list::showFiles);
            }
            if (listAgain) {
                refresh();
            }
        });
    }

    /** Opens the file with the system's program for it. */
    void open(TreeItem.Attachment file) {
        Path path = window.workspace.vault().folder().resolve(file.path());
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            window.status.problem("This desktop cannot open files with their program; the file is " + path);
            return;
        }
        jobs.run("Could not open " + file.label(), () -> {
            Desktop.getDesktop().open(path.toFile());
            return file.label();
        }, label -> window.status.info("Opened " + label));
    }

    /** Asks for the file's new vault path, moves it, then lets {@link AttachmentMoved} update the links. */
    void rename(TreeItem.Attachment file) {
        NameDialog.ask(window.frame, "Rename or Move", "New path of “" + file.path() + "”:", file.path()).ifPresent(typed -> {
            String to = typed.strip().replace('\\', '/').replaceAll("^/+|/+$", "");
            if (to.equals(file.path())) {
                return;
            }
            if (!VaultFiles.isFile(to) || to.contains("/../") || to.startsWith("../")) {
                window.status.problem("“" + to + "” cannot be an attachment's path (no .md, no folder starting with a dot)");
                return;
            }
            Path vault = window.workspace.vault().folder();
            jobs.run("Could not rename “" + file.path() + "”", () -> {
                Path target = vault.resolve(to);
                Files.createDirectories(target.getParent());
                Files.move(vault.resolve(file.path()), target); // never over another file
                return to;
            }, done -> {
                moved.moved(file.path(), done);
                window.status.info("Renamed to “" + done + "”");
                refresh();
            });
        });
    }

    /** Moves the file into the vault's {@code .trash/} folder, keeping its folders (a name made unique). */
    void trash(TreeItem.Attachment file) {
        Path vault = window.workspace.vault().folder();
        jobs.run("Could not move “" + file.path() + "” to the trash", () -> {
            Path target = AttachmentFolder.unique(vault.resolve(TRASH).resolve(file.path()).getParent(), file.label());
            Files.move(vault.resolve(file.path()), target);
            return file.path();
        }, done -> {
            window.status.info("Moved “" + done + "” to the vault's " + TRASH + " folder");
            refresh();
        });
    }

    @Override
    public void close() {
        jobs.close();
    }
}
