/**
 * The desktop app: the main window (note tree, editor, preview, status bar), its dialogs, and the
 * named actions bound to keys and menus in one place ({@code Commands}). The front door for
 * {@code dev.weft.app} is {@link dev.weft.ui.Desktop}: it reads the settings, asks where the vault is
 * on first run, opens it through a {@link dev.weft.ui.WorkspaceOpener} and shows the window. Hosting
 * a server and pairing go through {@link dev.weft.ui.Connector}, which {@code app} implements: this
 * package never imports the server, the store or the wire protocol.
 *
 * <p>Swing is touched on the event thread only; vault and sync calls that may block run on the
 * window's worker thread ({@code Jobs}) or in a {@code SwingWorker}, and report back with
 * {@code invokeLater}. May import {@code client}, {@code vault}, {@code crdt}, FlatLaf,
 * RSyntaxTextArea and commonmark-java.
 */
package dev.weft.ui;
