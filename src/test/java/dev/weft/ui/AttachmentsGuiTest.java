package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.TransferHandler;
import javax.swing.text.Element;
import javax.swing.text.ElementIterator;
import javax.swing.text.StyleConstants;
import javax.swing.text.View;
import javax.swing.text.html.HTML;
import javax.swing.tree.DefaultMutableTreeNode;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;

/**
 * Images in the preview, a pasted image and dropped files saved as attachments and linked, and the
 * tree's attachments: a real window on a real vault, images read from real files.
 */
class AttachmentsGuiTest extends WindowTestBase {
    private static final Color PINK = new Color(230, 40, 140);

    @Test
    void aPastedImageIsSavedBesideTheNoteLinkedAndShownFittedToThePreview() throws Exception {
        UUID id = openNote(DemoVault.SHOWN);
        GuiActionRunner.execute(() -> window.area.setCaretPosition(window.area.getDocument().getLength()));
        BufferedImage wide = picture(1600, 400); // wider than the pane: shown smaller
        GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new ImageOnly(wide), null));
        frame.textBox("editor").pressAndReleaseKey(ctrl(KeyEvent.VK_V));

        Path attachments = vault.folder().resolve("Projects/attachments");
        waitFor("the pasted image saved", () -> pngs(attachments).size() == 1);
        Path saved = pngs(attachments).get(0);
        assertThat(saved.getFileName().toString()).matches("Pasted image \\d{14}\\.png");
        BufferedImage read = ImageIO.read(saved.toFile());
        assertThat(read.getWidth()).isEqualTo(1600);
        assertThat(new Color(read.getRGB(800, 200))).isEqualTo(PINK);
        String link = "![](attachments/" + saved.getFileName().toString().replace(" ", "%20") + ")";
        waitFor("the link in the note", () -> text(id).endsWith(link));

        waitFor("the preview drawing the image", () -> !images().isEmpty());
        assertThat(images().get(0)).isEqualTo(saved.toUri().toString());
        int shownWidth = onEdt(() -> (int) imageView().getPreferredSpan(View.X_AXIS));
        int paneWidth = onEdt(() -> window.preview.pane().getWidth());
        assertThat(shownWidth).isGreaterThan(100).isLessThan(paneWidth);
        waitFor("pink on the screen", () -> pinkColumns(screenshot(Path.of("target", "attachment-paste.png"))) > 100);
        Rectangle preview = onEdt(() -> new Rectangle(window.preview.pane().getLocationOnScreen(),
                window.preview.pane().getSize()));
        BufferedImage screen = screenshot(Path.of("target", "attachment-paste.png"));
        assertThat(pinkColumns(screen)).isLessThanOrEqualTo(preview.width);
    }

    @Test
    void aNotesImagesShowFromItsFolderTheRootAndObsidianEmbedsAndAMissingOneSaysSo() throws Exception {
        Path folder = vault.folder();
        Files.createDirectories(folder.resolve("Travel/attachments"));
        ImageIO.write(picture(64, 48), "png", folder.resolve("Travel/img.png").toFile());
        ImageIO.write(picture(300, 200), "jpg", folder.resolve("Travel/attachments/my pic.jpg").toFile());
        ImageIO.write(picture(40, 40), "gif", folder.resolve("logo.gif").toFile());
        UUID trip = vault.create("Travel/Trip", """
                # Trip

                ![](img.png) ![a pic](attachments/my%20pic.jpg) ![[logo.gif|20]]

                ![](missing.png) ![](https://example.org/x.png)
                """).id();
        GuiActionRunner.execute(() -> window.openNote(trip, null));
        waitFor("three images in the preview", () -> images().size() == 3);
        assertThat(images()).containsExactly(folder.resolve("Travel/img.png").toUri().toString(),
                folder.resolve("Travel/attachments/my pic.jpg").toUri().toString(),
                folder.resolve("logo.gif").toUri().toString());
        String shown = onEdt(() -> window.preview.pane().getDocument().getText(0, window.preview.pane().getDocument().getLength()));
        assertThat(shown).contains("image not found: missing.png", "image not loaded from the network: https://example.org/x.png");
        assertThat(onEdt(() -> window.preview.pane().getText())).contains("width=\"20\"");
        screenshot(Path.of("target", "attachment-images.png"));
    }

    @Test
    void droppedFilesAreCopiedWithTheirNamesMadeUniqueAndLinked() throws Exception {
        UUID id = openNote("Reading list");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path photo = outside.resolve("photo.png");
        ImageIO.write(picture(30, 30), "png", photo.toFile());
        Path report = Files.writeString(outside.resolve("report (final).pdf"), "%PDF-1.4 not really");
        GuiActionRunner.execute(() -> window.area.setCaretPosition(0));
        assertThat(importFiles(photo, report)).isTrue();
        waitFor("both copied", () -> Files.exists(vault.folder().resolve("attachments/photo.png"))
                && Files.exists(vault.folder().resolve("attachments/report (final).pdf")));
        waitFor("both linked", () -> text(id).startsWith(
                "![](attachments/photo.png)\n[report (final).pdf](attachments/report%20%28final%29.pdf)- *The Mythical"));
        assertThat(Files.readString(vault.folder().resolve("attachments/report (final).pdf"))).isEqualTo("%PDF-1.4 not really");

        GuiActionRunner.execute(() -> window.restyle(true)); // a new editor UI puts its own handler: ours comes back
        GuiActionRunner.execute(() -> window.area.setCaretPosition(window.area.getDocument().getLength()));
        assertThat(importFiles(photo)).isTrue();
        waitFor("the second copy made unique", () -> text(id).endsWith("![](attachments/photo%201.png)"));
        assertThat(vault.folder().resolve("attachments/photo 1.png")).exists();
        // a file already in the vault is linked where it is
        assertThat(importFiles(vault.folder().resolve("attachments/photo.png"))).isTrue();
        waitFor("linked in place", () -> text(id).endsWith("![](attachments/photo%201.png)![](attachments/photo.png)"));
        assertThat(vault.folder().resolve("attachments/photo 2.png")).doesNotExist();
    }

    @Test
    void theTreeListsAttachmentsWhenAskedRemembersItAndRenamesAndTrashesThem() throws Exception {
        Path folder = vault.folder();
        Files.createDirectories(folder.resolve("Recipes/attachments"));
        ImageIO.write(picture(30, 30), "png", folder.resolve("Recipes/attachments/soup.png").toFile());
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/config"), "x");
        UUID pictures = vault.create("Recipes/Pictures", "Soup: ![](attachments/soup.png)\n").id();
        openNote("Reading list");
        assertThat(treeFiles()).isEmpty();

        frame.menuItemWithPath("View", "Show Attachments").click();
        waitFor("the image in the tree", () -> treeFiles().equals(List.of("Recipes/attachments/soup.png")));
        assertThat(onEdt(() -> window.settings.current().attachmentsShown())).isTrue();
        frame.tree("notes.tree").selectPath("Recipes/attachments/soup.png");
        screenshot(Path.of("target", "attachment-tree.png"));
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_F2);
        JOptionPaneFixture prompt = namePrompt();
        prompt.textBox("name.field").requireText("Recipes/attachments/soup.png");
        prompt.textBox("name.field").setText("Images/lentils.png");
        prompt.textBox("name.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the file moved", () -> Files.exists(folder.resolve("Images/lentils.png")));
        assertThat(folder.resolve("Recipes/attachments/soup.png")).doesNotExist();
        waitFor("the tree following", () -> treeFiles().equals(List.of("Images/lentils.png")));
        waitFor("the link to it following", () -> text(pictures).equals("Soup: ![](../Images/lentils.png)\n"));

        frame.tree("notes.tree").selectPath("Images/lentils.png");
        frame.tree("notes.tree").pressAndReleaseKeys(KeyEvent.VK_DELETE);
        waitFor("the file in the vault's trash", () -> Files.exists(folder.resolve(".trash/Images/lentils.png")));
        waitFor("the tree without it", () -> treeFiles().isEmpty());

        frame.menuItemWithPath("View", "Show Attachments").click();
        assertThat(onEdt(() -> window.settings.current().attachmentsShown())).isFalse();
    }

    private boolean importFiles(Path... files) {
        List<File> list = Stream.of(files).map(Path::toFile).toList();
        Transferable data = new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return list;
            }
        };
        return onEdt(() -> window.area.getTransferHandler().importData(new TransferHandler.TransferSupport(window.area, data)));
    }

    /** The sources of the preview's images, in order. */
    private List<String> images() {
        return onEdt(() -> {
            List<String> sources = new ArrayList<>();
            ElementIterator it = new ElementIterator(window.preview.pane().getDocument());
            for (Element e = it.first(); e != null; e = it.next()) {
                if (e.getAttributes().getAttribute(StyleConstants.NameAttribute) == HTML.Tag.IMG) {
                    sources.add(String.valueOf(e.getAttributes().getAttribute(HTML.Attribute.SRC)));
                }
            }
            return sources;
        });
    }

    private View imageView() {
        View root = window.preview.pane().getUI().getRootView(window.preview.pane());
        return find(root);
    }

    private static View find(View view) {
        if (view.getClass().getSimpleName().equals("FittedImageView")) {
            return view;
        }
        for (int i = 0; i < view.getViewCount(); i++) {
            View found = find(view.getView(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private List<String> treeFiles() {
        return onEdt(() -> {
            List<String> files = new ArrayList<>();
            var all = ((DefaultMutableTreeNode) window.list.tree().getModel().getRoot()).depthFirstEnumeration();
            while (all.hasMoreElements()) {
                if (((DefaultMutableTreeNode) all.nextElement()).getUserObject()
                        instanceof dev.weft.ui.notes.TreeItem.Attachment file) {
                    files.add(file.path());
                }
            }
            return files;
        });
    }

    private static List<Path> pngs(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Pink with a dark blue band down the middle, so a look at the screenshot tells it apart. */
    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(PINK);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 40, 120));
        g.fillRect(width / 3, 0, Math.max(1, width / 12), height);
        g.dispose();
        return image;
    }

    /** How many screen columns show the picture's pink. */
    private static int pinkColumns(BufferedImage screen) {
        int columns = 0;
        for (int x = 0; x < screen.getWidth(); x++) {
            for (int y = 0; y < screen.getHeight(); y++) {
                Color c = new Color(screen.getRGB(x, y));
                if (Math.abs(c.getRed() - PINK.getRed()) + Math.abs(c.getGreen() - PINK.getGreen())
                        + Math.abs(c.getBlue() - PINK.getBlue()) < 24) {
                    columns++;
                    break;
                }
            }
        }
        return columns;
    }

    private BufferedImage screenshot(Path file) {
        try {
            Rectangle area = onEdt(() -> new Rectangle(window.frame.getLocationOnScreen(), window.frame.getSize()));
            BufferedImage image = new java.awt.Robot().createScreenCapture(area);
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return image;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clipboard as a screenshot tool leaves it: an image and nothing else. */
    private record ImageOnly(BufferedImage image) implements Transferable {
        @Override
        public DataFlavor[] getTransferDataFlavors() {
            return new DataFlavor[] {DataFlavor.imageFlavor};
        }

        @Override
        public boolean isDataFlavorSupported(DataFlavor flavor) {
            return DataFlavor.imageFlavor.equals(flavor);
        }

        @Override
        public Object getTransferData(DataFlavor flavor) {
            return image;
        }
    }
}
