package dev.weft.ui;

/**
 * What happens once the window is up: syncing starts if the vault is paired, the server starts
 * again if this computer hosts it, and a first run's choice (connect, host) opens its dialog.
 */
final class Startup {
    private final MainWindow window;

    Startup(MainWindow window) {
        this.window = window;
    }

    void begin(boolean hosting, FirstRunDialog.Then then) {
        Workspace workspace = window.workspace;
        if (workspace.sync().isEmpty() || workspace.connector().isEmpty()) {
            return;
        }
        Connector connector = workspace.connector().get();
        if (hosting) {
            window.jobs.run("Could not start the server on this computer", () -> connector.host(DeviceName.guess()),
                    link -> window.status.info("Hosting the server on this computer"));
        }
        if (workspace.vault().device().isPaired()) {
            workspace.sync().get().start();
        }
        ConnectActions connect = new ConnectActions(window);
        switch (then) {
            case CONNECT -> connect.connect();
            case HOST -> connect.host();
            case NOTHING -> {
            }
        }
    }
}
