package dev.weft.ui;

import dev.weft.ui.settings.Layout;
import dev.weft.ui.settings.OsTheme;
import dev.weft.ui.settings.Settings;
import dev.weft.ui.settings.SettingsFile;
import dev.weft.ui.settings.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;

/**
 * Starts the desktop app: sets what Java2D reads before AWT starts, reads the settings, asks where
 * the vault is on the first run, opens it off the event thread while a small window shows progress,
 * then shows the main window and starts syncing (and hosting, if this computer hosts). Closing the
 * window closes the workspace and ends the program.
 */
public final class Desktop {
    private final DesktopOptions options;
    private final SettingsKeeper settings;
    private final boolean firstRun;

    private Desktop(DesktopOptions options, Settings loaded, boolean firstRun) {
        this.options = options;
        this.settings = new SettingsKeeper(new SettingsFile(options.configFolder()), loaded);
        this.firstRun = firstRun;
    }

    /** Call on the main thread, before anything touches AWT; returns once the window is on its way. */
    public static void launch(DesktopOptions options) {
        beforeAwt();
        Optional<Settings> loaded;
        try {
            loaded = new SettingsFile(options.configFolder()).load();
        } catch (IOException | RuntimeException e) {
            System.err.println("weft: the settings could not be read (" + e.getMessage() + "); using the defaults");
            loaded = Optional.of(Settings.defaults());
        }
        Settings settings = loaded.orElse(Settings.defaults());
        Theme theme = settings.preferences().theme();
        boolean dark = theme == Theme.DARK || theme == Theme.SYSTEM && OsTheme.prefersDark();
        Desktop desktop = new Desktop(options, settings, loaded.isEmpty());
        SwingUtilities.invokeLater(() -> desktop.start(dark));
    }

    private static void beforeAwt() {
        setIfAbsent("awt.useSystemAAFontSettings", "on");
        setIfAbsent("swing.aatext", "true");
        setIfAbsent("apple.laf.useScreenMenuBar", "true");
        setIfAbsent("apple.awt.application.name", "Weft");
        setIfAbsent("apple.awt.application.appearance", "system");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private void start(boolean dark) {
        WindowClass.install();
        Looks.install(dark);
        Path folder = options.vaultOverride().orElse(settings.current().preferences().vault());
        FirstRunDialog.Then then = FirstRunDialog.Then.NOTHING;
        if (folder == null) {
            Optional<FirstRunDialog.Choice> choice = FirstRunDialog.ask(options.defaultVault());
            if (choice.isEmpty()) {
                System.exit(0);
                return;
            }
            folder = choice.get().vault();
            then = choice.get().then();
            Path chosen = folder;
            settings.update(s -> s.withPreferences(s.preferences().withVault(chosen)));
        }
        open(folder, then);
    }

    private void open(Path folder, FirstRunDialog.Then then) {
        JDialog progress = progress(folder);
        new SwingWorker<Opened, Void>() {
            @Override
            protected Opened doInBackground() throws IOException {
                Workspace workspace = options.opener().open(folder);
                try {
                    Optional<java.util.UUID> welcome = firstRun ? Welcome.addTo(workspace.vault(), then).map(n -> n.id())
                            : Optional.empty();
                    return new Opened(workspace, welcome);
                } catch (IOException | RuntimeException e) {
                    workspace.close();
                    throw e;
                }
            }

            @Override
            protected void done() {
                progress.dispose();
                try {
                    Opened opened = get();
                    show(opened, then);
                } catch (ExecutionException e) {
                    Optional<Path> other = chooseAnother(folder, Jobs.describe(e.getCause()));
                    if (other.isEmpty()) {
                        System.exit(1);
                        return;
                    }
                    settings.update(s -> s.withPreferences(s.preferences().withVault(other.get())));
                    open(other.get(), then);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
        progress.setVisible(true);
    }

    /** After a failed open: another folder the user chooses, or empty to quit. */
    private static Optional<Path> chooseAnother(Path folder, String why) {
        String choose = "Choose Another Folder…";
        int answer = JOptionPane.showOptionDialog(null, "Weft could not open the notes in " + folder + ":\n" + why, "Weft",
                JOptionPane.DEFAULT_OPTION, JOptionPane.ERROR_MESSAGE, null, new Object[] {choose, "Quit"}, choose);
        if (answer != 0) {
            return Optional.empty();
        }
        javax.swing.JFileChooser chooser = new javax.swing.JFileChooser(folder.toFile());
        chooser.setFileSelectionMode(javax.swing.JFileChooser.DIRECTORIES_ONLY);
        return chooser.showOpenDialog(null) == javax.swing.JFileChooser.APPROVE_OPTION
                ? Optional.of(chooser.getSelectedFile().toPath().toAbsolutePath()) : Optional.empty();
    }

    private record Opened(Workspace workspace, Optional<java.util.UUID> welcome) {
    }

    private void show(Opened opened, FirstRunDialog.Then then) {
        opened.welcome().ifPresent(id -> settings.update(s -> {
            Layout l = s.layout();
            return s.withLayout(new Layout(l.window(), l.listDivider(), l.previewDivider(), true, id));
        }));
        Workspace workspace = opened.workspace();
        MainWindow window = new MainWindow(workspace, settings, () -> exit(workspace));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("weft: unexpected failure on " + thread.getName() + ": " + e);
            SwingUtilities.invokeLater(() -> window.status.problem("Something went wrong: " + Jobs.describe(e)));
        });
        window.show();
        new Startup(window).begin(settings.current().hosting(), then);
    }

    private void exit(Workspace workspace) {
        Thread closer = new Thread(() -> {
            int status = 0;
            try {
                workspace.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("weft: the notes could not be closed cleanly: " + e.getMessage());
                status = 1;
            }
            settings.flush();
            System.exit(status);
        }, "weft-exit");
        closer.start();
    }

    private static JDialog progress(Path folder) {
        JDialog dialog = new JDialog((java.awt.Frame) null, "Weft", false);
        JProgressBar bar = new JProgressBar();
        bar.setIndeterminate(true);
        JPanel body = new JPanel(new java.awt.BorderLayout(0, 10));
        body.add(new JLabel("Opening your notes in " + folder + "…"), java.awt.BorderLayout.NORTH);
        body.add(bar, java.awt.BorderLayout.CENTER);
        Dialogs.frame(dialog, body);
        return dialog;
    }
}
