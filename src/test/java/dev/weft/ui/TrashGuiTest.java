package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.TrashBatches;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.swing.JTable;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;

/** The trash view: search, several rows restored at once, a batch restored as one, delete forever. */
class TrashGuiTest extends WindowTestBase {
    @Test
    void searchRestoreSeveralRestoreABatchAndDeleteForever() throws Exception {
        UUID tuesday = DemoVault.note(vault, "Journal/2026-11-24").id();
        UUID wednesday = DemoVault.note(vault, "Journal/2026-11-25").id();
        UUID soup = DemoVault.note(vault, "Recipes/Lentil soup").id();
        UUID reading = DemoVault.note(vault, "Reading list").id();
        UUID welcome = DemoVault.note(vault, "Welcome to Weft").id();
        vault.trash(List.of(tuesday, wednesday), TrashBatches.next()); // one action: one batch
        vault.trash(soup);
        vault.trash(reading);
        vault.trash(welcome);

        frame.menuItemWithPath("File", "Trash…").click();
        DialogFixture trash = dialog("trash");
        JTableFixture table = trash.table("trash.table");
        waitFor("five notes in the trash", () -> rows(table).size() == 5);
        assertThat(column(table, 1)).contains("Journal", "Recipes", "");
        screenshot(trash, Path.of("target", "trash.png"));

        // typed text under Xvfb may miss a dialog's field; the field's own document is what the search hears
        javax.swing.text.JTextComponent search = trash.textBox("trash.search").target();
        org.assertj.swing.edt.GuiActionRunner.execute(() -> search.setText("journal"));
        waitFor("the search keeps the journal",
                () -> new java.util.HashSet<>(rows(table)).equals(java.util.Set.of("2026-11-24", "2026-11-25")));
        org.assertj.swing.edt.GuiActionRunner.execute(() -> search.setText(""));
        waitFor("all five again", () -> rows(table).size() == 5);

        select(table, rows(table).indexOf("Lentil soup"), rows(table).indexOf("Reading list"));
        press(trash.button("trash.restore"));
        waitFor("both restored in one action", () -> !info(soup).trashed() && !info(reading).trashed());
        waitFor("three left", () -> rows(table).size() == 3);

        select(table, rows(table).indexOf("2026-11-25"));
        press(trash.button("trash.restoreBatch"));
        waitFor("the whole batch restored", () -> !info(tuesday).trashed() && !info(wednesday).trashed());
        waitFor("one left", () -> rows(table).equals(List.of("Welcome to Weft")));

        select(table, 0);
        javax.swing.JButton purge = trash.button("trash.purge").target();
        javax.swing.SwingUtilities.invokeLater(purge::doClick); // its question is modal: pressed without waiting
        JOptionPaneFixture confirm = JOptionPaneFinder.findOptionPane().withTimeout(PATIENCE.duration()).using(robot);
        assertThat(onEdt(() -> confirm.target().getMessage().toString())).isEqualTo("Delete this note forever? "
                + "Their text and history are removed from the server and from every device. This cannot be undone.");
        press(confirm.buttonWithText("Delete Forever"));
        waitFor("the note deleted forever", () -> vault.note(welcome).isEmpty());
        waitFor("the trash empty", () -> rows(table).isEmpty());
        press(trash.button("trash.close"));
    }

    /**
     * While the trash is open, news a sync brings shows at once, through the vault calls the sync
     * engine makes for it: another device's trash ({@code 34} in the trash, {@code 38}), restore and
     * delete forever ({@code 39}); the row chosen stays chosen.
     */
    @Test
    void theOpenTrashFollowsWhatSyncBrings() throws Exception {
        UUID soup = DemoVault.note(vault, "Recipes/Lentil soup").id();
        UUID reading = DemoVault.note(vault, "Reading list").id();
        UUID welcome = DemoVault.note(vault, "Welcome to Weft").id();
        vault.trash(welcome);
        frame.menuItemWithPath("File", "Trash…").click();
        DialogFixture trash = dialog("trash");
        JTableFixture table = trash.table("trash.table");
        waitFor("one note in the trash", () -> rows(table).size() == 1);
        select(table, 0);

        for (UUID id : List.of(soup, reading)) {
            vault.trashNews(id, 1_700_000_000_000_000L, 7, "phone");
            vault.applyRemoteTrashed(id, true);
        }
        waitFor("another device's trash shown", () -> rows(table).containsAll(List.of("Lentil soup", "Reading list")));
        assertThat(column(table, 3).get(rows(table).indexOf("Lentil soup"))).isEqualTo("phone");
        vault.applyRemoteTrashed(reading, false);
        waitFor("another device's restore shown", () -> !rows(table).contains("Reading list"));
        vault.purge(soup);
        waitFor("another device's delete forever shown", () -> rows(table).equals(List.of("Welcome to Weft")));
        assertThat(onEdt(() -> table.target().getSelectedRowCount())).as("the row chosen stays chosen").isEqualTo(1);
        press(trash.button("trash.close"));
    }

    /**
     * Selects rows on the event thread and waits until the selection holds: the robot's clicks on a
     * dialog are now and then lost under load, and a button pressed with no row chosen does nothing.
     */
    private void select(JTableFixture table, int... rows) {
        javax.swing.JTable target = table.target();
        org.assertj.swing.edt.GuiActionRunner.execute(() -> {
            target.clearSelection();
            for (int row : rows) {
                target.addRowSelectionInterval(row, row);
            }
        });
        waitFor("rows chosen", () -> onEdt(() -> target.getSelectedRowCount()) == rows.length);
    }

    private static List<String> rows(JTableFixture table) {
        return column(table, 0);
    }

    private static List<String> column(JTableFixture table, int column) {
        return onEdt(() -> {
            JTable t = table.target();
            List<String> out = new ArrayList<>();
            for (int r = 0; r < t.getRowCount(); r++) {
                out.add(String.valueOf(t.getValueAt(r, column)));
            }
            return out;
        });
    }

    private void screenshot(DialogFixture dialog, Path file) throws Exception {
        Rectangle area = onEdt(() -> new Rectangle(dialog.target().getLocationOnScreen(), dialog.target().getSize()));
        BufferedImage image = new java.awt.Robot().createScreenCapture(area);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
