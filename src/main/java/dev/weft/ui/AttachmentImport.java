package dev.weft.ui;

import dev.weft.ui.attach.AttachmentFolder;
import dev.weft.ui.attach.ImagePaths;
import dev.weft.vault.NoteInfo;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.swing.JTextArea;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.JTextComponent;
import javax.swing.text.Position;
import org.fife.ui.rtextarea.RTATextTransferHandler;

/**
 * The editor's paste and drop, with files: an image pasted from the clipboard (with no plain text
 * beside it) is saved as {@code Pasted image YYYYMMDDHHMMSS.png}, a dropped or pasted file is copied
 * keeping its name (made unique), both into the attachments folder of the setting
 * ({@link AttachmentFolder}); a file already in the vault is linked where it is. Then the note gets
 * {@code ![](relative/path)} for an image ({@code [name](relative/path)} for another file) at the caret
 * or the drop point, as the user's own edit. Text is pasted and dropped as before.
 */
final class AttachmentImport extends RTATextTransferHandler {
    private final MainWindow window;
    private final Jobs files;

    private AttachmentImport(MainWindow window, Jobs files) {
        this.window = window;
        this.files = files;
    }

    /** Puts the handler on the editor, and back whenever another replaces it (a theme change installs RSTA's). */
    static void install(MainWindow window, Jobs files) {
        AttachmentImport handler = new AttachmentImport(window, files);
        window.area.setTransferHandler(handler);
        window.area.addPropertyChangeListener("transferHandler", e -> {
            if (e.getNewValue() != handler) {
                window.area.setTransferHandler(handler);
            }
        });
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (hasFiles(support.getDataFlavors()) || hasImage(support.getDataFlavors())) {
            return window.openNote.current() != null && window.area.isEditable();
        }
        return super.canImport(support);
    }

    @Override
    public boolean importData(TransferSupport support) {
        DataFlavor[] flavors = support.getDataFlavors();
        if (!hasFiles(flavors) && !hasImage(flavors)) {
            return super.importData(support);
        }
        UUID open = window.openNote.current();
        NoteInfo note = open == null ? null : window.workspace.vault().note(open).orElse(null);
        JTextArea area = window.area;
        if (note == null || !area.isEditable()) {
            return false;
        }
        int offset = support.isDrop() && support.getDropLocation() instanceof JTextComponent.DropLocation drop
                ? drop.getIndex() : area.getCaretPosition();
        Document doc = area.getDocument();
        Position at;
        Transferable data = support.getTransferable();
        List<File> dropped;
        BufferedImage image;
        try {
            at = doc.createPosition(Math.min(offset, doc.getLength()));
            dropped = hasFiles(flavors) ? fileList(data) : List.of();
            image = dropped.isEmpty() ? image(data.getTransferData(DataFlavor.imageFlavor)) : null;
        } catch (BadLocationException | UnsupportedFlavorException | IOException | ClassCastException e) {
            window.status.problem("Could not paste: " + Jobs.describe(e));
            return false;
        }
        Path vault = window.workspace.vault().folder();
        String folder = AttachmentFolder.of(window.settings.current().preferences().attachmentFolder(), note.name());
        String noteFolder = ImagePaths.folderOf(note.name());
        files.run("Could not save the attachment", () -> {
            List<String> links = new ArrayList<>();
            if (image != null) {
                Path file = AttachmentFolder.unique(vault.resolve(folder), AttachmentFolder.pastedName(LocalDateTime.now()));
                writePng(image, file);
                links.add(link(vault, noteFolder, file));
            }
            for (File from : dropped) {
                links.add(link(vault, noteFolder, place(vault, folder, from.toPath())));
            }
            return links;
        }, links -> {
            if (links.isEmpty()) {
                return;
            }
            String text = String.join("\n", links);
            if (area.getDocument() != doc || !area.isEditable()) {
                window.status.info("Saved the attachment; the note it was for is no longer open, so no link was added");
            } else {
                int where = at.getOffset();
                boolean caretThere = area.getCaretPosition() == where;
                area.insert(text, where);
                if (caretThere) {
                    area.setCaretPosition(where + text.length());
                }
                window.status.info("Added " + links.size() + (links.size() == 1 ? " attachment" : " attachments"));
            }
            window.attachments.refresh();
        });
        return true;
    }

    /** A dropped file in the vault stays where it is; another is copied into the attachments folder. */
    private static Path place(Path vault, String folder, Path from) throws IOException {
        Path source = from.toAbsolutePath().normalize();
        Path root = vault.toAbsolutePath().normalize();
        if (source.startsWith(root) && Files.isRegularFile(source)
                && dev.weft.client.files.VaultFiles.isFile(root.relativize(source).toString().replace(File.separatorChar, '/'))) {
            return source;
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException(from.getFileName() + " is not a file (folders are not attached)");
        }
        Path target = AttachmentFolder.unique(vault.resolve(folder), from.getFileName().toString());
        Path temp = Files.createTempFile(target.getParent(), ".weft-attach", ".tmp");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE); // never half a file under its name
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".weft-paste", ".tmp");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code ![](path)} for an image, {@code [name](path)} for another file, relative to the note. */
    private static String link(Path vault, String noteFolder, Path file) {
        String path = vault.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace(File.separatorChar, '/');
        String target = ImagePaths.linkText(noteFolder, path);
        String name = file.getFileName().toString();
        return ImagePaths.isImageName(name) ? "![](" + target + ")"
                : "[" + name.replaceAll("([\\[\\]\\\\])", "\\\\$1") + "](" + target + ")";
    }

    private static boolean hasFiles(DataFlavor[] flavors) {
        for (DataFlavor flavor : flavors) {
            if (DataFlavor.javaFileListFlavor.equals(flavor)) {
                return true;
            }
        }
        return false;
    }

    /** An image with no plain text beside it (a spreadsheet's cells come as both: they paste as text). */
    private static boolean hasImage(DataFlavor[] flavors) {
        boolean image = false;
        for (DataFlavor flavor : flavors) {
            if (DataFlavor.stringFlavor.equals(flavor)) {
                return false;
            }
            image |= DataFlavor.imageFlavor.equals(flavor);
        }
        return image;
    }

    private static List<File> fileList(Transferable data) throws UnsupportedFlavorException, IOException {
        List<File> list = new ArrayList<>();
        for (Object item : (List<?>) data.getTransferData(DataFlavor.javaFileListFlavor)) {
            list.add((File) item);
        }
        return list;
    }

    /** The clipboard's picture as a buffered image (drawn on the event thread, encoded off it). */
    private static BufferedImage image(Object data) throws IOException {
        if (data instanceof BufferedImage buffered) {
            return buffered;
        }
        if (!(data instanceof Image picture) || picture.getWidth(null) <= 0 || picture.getHeight(null) <= 0) {
            throw new IOException("the clipboard's image could not be read");
        }
        BufferedImage copy = new BufferedImage(picture.getWidth(null), picture.getHeight(null), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return copy;
    }
}
