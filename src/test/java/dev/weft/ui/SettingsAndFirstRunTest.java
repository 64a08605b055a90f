package dev.weft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import dev.weft.ui.settings.Theme;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.WelcomeNote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

class SettingsAndFirstRunTest extends WindowTestBase {
    @Test
    void settingsApplyAtOnceAndAreSaved() {
        try {
            frame.menuItemWithPath("File", "Settings…").click();
            DialogFixture settings = dialog("settings");
            settings.comboBox("settings.theme").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_D); // Dark
            settings.comboBox("settings.theme").requireSelection(Theme.DARK.toString());
            settings.spinner("settings.size").select(18);
            press(settings.button("settings.ok"));
            waitFor("the settings file", () -> saved().map(s -> s.preferences().theme() == Theme.DARK
                    && s.preferences().fontSize() == 18).orElse(false));
            assertThat(onEdt(() -> window.area.getFont().getSize())).isEqualTo(18);
            assertThat(onEdt(Looks::dark)).isTrue();
        } finally {
            GuiActionRunner.execute(() -> Looks.switchTo(false));
        }
    }

    @Test
    void theWindowComesBackAsItWasLeft() {
        UUID list = openNote("Reading list");
        frame.pressAndReleaseKey(ctrl(java.awt.event.KeyEvent.VK_E));
        waitFor("the preview hidden", () -> !onEdt(() -> window.previewVisible()));
        GuiActionRunner.execute(() -> window.close());
        waitFor("the layout saved", () -> saved().map(s -> !s.layout().previewVisible()
                && list.equals(s.layout().lastNote()) && s.layout().window() != null).orElse(false));

        window = open(saved().orElseThrow());
        waitFor("the same note open", () -> list.equals(onEdt(() -> window.openNote.current())));
        assertThat(onEdt(() -> window.previewVisible())).isFalse();
    }

    @Test
    void theFirstRunAsksWhereTheVaultIsAndStartsItWithAWelcomeNote() throws IOException {
        Path chosen = dir.resolve("My notes");
        AtomicReference<Optional<FirstRunDialog.Choice>> answer = new AtomicReference<>();
        SwingUtilities.invokeLater(() -> answer.set(FirstRunDialog.ask(dir.resolve("Weft"))));
        DialogFixture first = dialog("firstRun");
        first.textBox("firstRun.folder").requireText(dir.resolve("Weft").toString());
        first.textBox("firstRun.folder").setText(chosen.toString());
        press(first.button("firstRun.start"));
        waitFor("the answer", () -> answer.get() != null);
        assertThat(answer.get()).contains(new FirstRunDialog.Choice(chosen, FirstRunDialog.Then.NOTHING));

        try (Vault fresh = Vault.open(chosen, VaultOptions.defaults())) {
            Optional<NoteInfo> welcome = Welcome.addTo(fresh, FirstRunDialog.Then.NOTHING);
            assertThat(welcome).map(NoteInfo::name).contains(WelcomeNote.NAME);
            assertThat(fresh.withReplica(welcome.get().id(), dev.weft.vault.NoteReplica::text)).startsWith("# Welcome to Weft");
            assertThat(Welcome.addTo(fresh, FirstRunDialog.Then.NOTHING)).as("only into an empty vault").isEmpty();
        }
    }

    private Optional<Settings> saved() {
        try {
            return new SettingsFile(config()).load();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
