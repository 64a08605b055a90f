package dev.weft.ui;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.NoteHistory;
import dev.weft.client.SyncClient;
import dev.weft.client.SyncOptions;
import dev.weft.protocol.Limits;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerLog;
import dev.weft.server.WeftServer;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import javax.swing.JTable;
import javax.swing.JTextPane;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The History panel on a real server's history: a note written on this device before it was paired
 * and edited on another shows one version by both devices, with each part's author, as the server
 * keeps it (the text of before pairing is this device's).
 */
class HistoryServerGuiTest extends WindowTestBase {
    private static final Duration SYNC = Duration.ofSeconds(60);
    private WeftServer server;
    private SyncClient laptop;
    private Vault phoneVault;
    private SyncClient phone;

    @Override
    Supplier<NoteHistory> history(Workspace workspace) {
        return () -> laptop.history();
    }

    @AfterEach
    void stopServer() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {phone, phoneVault, laptop}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsTheServersVersionWithBothDevicesAndWhoWroteWhat() throws Exception {
        server = WeftServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("server"),
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT), ServerLog.silent());
        laptop = new SyncClient(vault, SyncOptions.defaults());
        laptop.pair(server.pairingLink(), "laptop");
        laptop.syncOnce(SYNC);
        phoneVault = Vault.open(dir.resolve("phone"), VaultOptions.defaults());
        phone = new SyncClient(phoneVault, SyncOptions.defaults());
        phone.pair(server.pairingLink(), "phone");
        phone.syncOnce(SYNC);
        UUID id = DemoVault.note(vault, "Reading list").id();
        String added = "- *Added on the phone*\n";
        phoneVault.replica(id).insertUtf16(0, added);
        phoneVault.replica(id).deleteUtf16(added.length(), 2); // two characters of the laptop's text
        phone.syncOnce(SYNC);
        eventually("the phone's edit here", () -> {
            try {
                laptop.syncOnce(SYNC);
                return text(id).startsWith(added);
            } catch (Exception e) {
                return false;
            }
        });

        assertThat(laptop.history().versions("Reading list")).singleElement()
                .satisfies(v -> assertThat(v.devices()).containsExactlyInAnyOrder("laptop", "phone"));
        openNote("Reading list");
        frame.textBox("editor").pressAndReleaseKey(ctrlShift(KeyEvent.VK_H));
        DialogFixture panel = dialog("history");
        JTable table = panel.table("history.versions").target();
        waitFor("one version by both devices", () -> onEdt(() -> table.getRowCount() == 1
                && table.getValueAt(0, 2).toString().contains("laptop") && table.getValueAt(0, 2).toString().contains("phone")));
        assertThat(onEdt(() -> table.getValueAt(0, 3).toString())).endsWith("−2");
        JTextPane text = (JTextPane) panel.textBox("history.text").target();
        waitFor("the version's text, the note as it is now", () -> onEdt(text::getText).equals(text(id)));
        assertThat(onEdt(() -> text.getToolTipText(mouseAt(text, 3)))).isEqualTo("Written on phone");
        assertThat(onEdt(() -> text.getToolTipText(mouseAt(text, added.length() + 1)))).isEqualTo("Written on laptop");
        press(panel.button("history.close"));
    }

    private static MouseEvent mouseAt(JTextPane pane, int offset) throws Exception {
        Rectangle at = pane.modelToView2D(offset).getBounds();
        return new MouseEvent(pane, MouseEvent.MOUSE_MOVED, 0, 0, at.x + 1, at.y + at.height / 2, 0, false);
    }
}
