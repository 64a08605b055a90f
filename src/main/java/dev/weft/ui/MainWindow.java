package dev.weft.ui;

import dev.weft.client.NoteHistory;
import dev.weft.ui.notes.NoteIndex;
import dev.weft.ui.editor.NoteTextArea;
import dev.weft.ui.links.PreviewLinks;
import dev.weft.ui.preview.PreviewPane;
import dev.weft.ui.settings.Layout;
import dev.weft.ui.settings.Preferences;
import dev.weft.ui.settings.WindowBox;
import dev.weft.vault.NoteInfo;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Desktop;
import java.awt.Font;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.Document;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * The main window: the note tree on the left, the editor and the rendered preview in a split that
 * the preview can leave, the status bar below, the menus on top. Restores its place, splits, open
 * note and preview from the settings and saves them when it closes. Build and use it on the event
 * thread; {@code onClosed} runs there after the window is gone (the caller closes the workspace).
 */
final class MainWindow {
    private static final int PREVIEW_QUIET_MILLIS = 250;

    final Workspace workspace;
    /** Where the History panel reads a note's history ({@link HistorySource}). */
    final Supplier<NoteHistory> history;
    final SettingsKeeper settings;
    final JFrame frame = new JFrame("Weft");
    final StatusBar status = new StatusBar();
    final Jobs jobs = new Jobs("weft-ui-work", status::problem);
    final RSyntaxTextArea area = new NoteTextArea();
    final FindBar findBar = new FindBar(area);
    final NoteList list;
    /** The notes in memory for the search and the Tags panel. */
    final NoteIndex index;
    /** Outline, Tags and other panels below the note list. */
    final SidePanels side;
    final OutlinePanel outline;
    final TagsPanel tags;
    private final CountsWatcher counts;
    final OpenNote openNote;
    final FirstLineNamer namer;
    final PreviewPane preview;
    final NoteLinks links;
    final AttachmentActions attachments;
    final JSplitPane outer = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT);
    final JSplitPane inner = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT);
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weft-preview");
        t.setDaemon(true);
        return t;
    });
    private final Timer previewQuiet;
    private final CardLayout editorCards = new CardLayout();
    private final JPanel editorCard = new JPanel(editorCards);
    private final Runnable onClosed;
    private final LiveStatus liveStatus;
    private final HeldPrompt heldPrompt = new HeldPrompt(this);
    private int previewDivider;

    MainWindow(Workspace workspace, SettingsKeeper settings, Runnable onClosed) {
        this(workspace, settings, HistorySource.of(workspace), onClosed);
    }

    MainWindow(Workspace workspace, SettingsKeeper settings, Supplier<NoteHistory> history, Runnable onClosed) {
        this.workspace = workspace;
        this.history = history;
        this.settings = settings;
        this.onClosed = onClosed;
        this.list = new NoteList(id -> openNote(id, null));
        this.openNote = new OpenNote(workspace.vault(), workspace.sync(), area, jobs, new OpenNote.Listener() {
            @Override
            public void opened(UUID id) {
                noteOpened(id);
            }

            @Override
            public void peers(Collection<String> names) {
                status.showPeers(names);
            }

            @Override
            public void problem(String message) {
                status.problem(message);
            }

            @Override
            public void opening(String name) {
                if (name == null) {
                    status.idle();
                } else {
                    status.busy(name);
                }
            }
        });
        this.namer = new FirstLineNamer(workspace.vault(), jobs);
        this.links = new NoteLinks(this);
        this.preview = new PreviewPane(renderer, href -> links.previewClicked(href, MainWindow::browse));
        this.index = new NoteIndex(workspace.vault());
        this.side = new SidePanels(list.component());
        this.outline = new OutlinePanel(area);
        NoteActions notes = new NoteActions(this);
        this.tags = new TagsPanel(notes::search);
        side.add("Backlinks", links.panel());
        side.add("Outline", outline.component());
        side.add("Tags", tags.component());
        index.onTags(counted -> javax.swing.SwingUtilities.invokeLater(() -> tags.show(counted)));
        index.start();
        this.counts = new CountsWatcher(area, status::showCounts);
        preview.showImagesFrom(workspace.vault().folder());
        this.previewQuiet = new Timer(PREVIEW_QUIET_MILLIS, e -> renderPreview());
        previewQuiet.setRepeats(false);
        configureEditor();
        layOut();
        this.attachments = new AttachmentActions(this, links::attachmentMoved);
        AttachmentImport.install(this, attachments.jobs);
        Commands commands = new Commands(this, notes, new ConnectActions(this));
        frame.setJMenuBar(commands.menuBar());
        commands.bindKeys(frame.getRootPane(), area);
        restyle();
        restoreLayout();
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        this.liveStatus = new LiveStatus(this);
        liveStatus.start();
    }

    /** Shows the window with the note it had open last (or the first one). */
    void show() {
        frame.setVisible(true);
        links.start();
        if (previewDivider <= 0) {
            inner.setDividerLocation(0.5); // only now that the split has its size
        }
        List<NoteInfo> notes = workspace.vault().notes();
        UUID last = settings.current().layout().lastNote();
        notes.stream().filter(n -> !n.trashed() && n.id().equals(last)).findFirst()
                .or(() -> notes.stream().filter(n -> !n.trashed()).findFirst())
                .ifPresent(n -> openNote(n.id(), null));
        attachments.refresh();
        heldPrompt.start(); // asks once the window is up
    }

    void openNote(UUID id, OpenNote.Selection selection) {
        openNote.open(id, selection);
    }

    boolean previewVisible() {
        return preview.component().isVisible();
    }

    void setPreviewVisible(boolean visible) {
        if (visible == previewVisible()) {
            return;
        }
        if (!visible) {
            previewDivider = inner.getDividerLocation();
        }
        preview.component().setVisible(visible);
        inner.setDividerSize(visible ? UIManager.getInt("SplitPane.dividerSize") : 0);
        if (visible) {
            inner.setDividerLocation(previewDivider > 0 ? previewDivider : inner.getWidth() / 2);
            renderPreview();
        }
        inner.revalidate();
    }

    /** Applies a changed theme or editor font now. */
    void restyle(boolean dark) {
        Looks.switchTo(dark);
        restyle();
    }

    private void restyle() {
        Preferences prefs = settings.current().preferences();
        Font font = new Font(prefs.fontFamily(), Font.PLAIN, prefs.fontSize());
        Looks.styleEditor(area, font);
        preview.restyle(Looks.previewStyle(prefs.fontFamily()));
        renderPreview();
    }

    private void configureEditor() {
        area.setName("editor");
        area.setCodeFoldingEnabled(false);
        area.setAntiAliasingEnabled(true);
        area.setTabSize(4);
        DocumentListener changed = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                previewQuiet.restart();
                namer.edited(openNote.current(), e.getDocument());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                previewQuiet.restart();
                namer.edited(openNote.current(), e.getDocument());
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        };
        area.getDocument().addDocumentListener(changed);
        // each note brings its own document (the binding's)
        area.addPropertyChangeListener("document", e -> {
            if (e.getOldValue() instanceof Document old) {
                old.removeDocumentListener(changed);
            }
            if (e.getNewValue() instanceof Document now) {
                now.addDocumentListener(changed);
            }
        });
    }

    private void layOut() {
        RTextScrollPane scroll = new RTextScrollPane(area, false);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        JPanel editor = new JPanel(new BorderLayout());
        editor.add(scroll, BorderLayout.CENTER);
        editor.add(findBar.component(), BorderLayout.SOUTH);
        JLabel empty = new JLabel("<html><div style='text-align:center'>No note is open.<br><br>"
                + "Choose one on the left, or press " + Commands.shortcutText("N") + " for a new note.</div></html>",
                SwingConstants.CENTER);
        empty.setName("editor.empty");
        empty.setForeground(UIManager.getColor("Label.disabledForeground"));
        editorCard.add(empty, "empty");
        editorCard.add(editor, "editor");
        editorCards.show(editorCard, "empty");
        inner.setLeftComponent(editorCard);
        inner.setRightComponent(preview.component());
        inner.setResizeWeight(0.5);
        inner.setBorder(null);
        inner.setContinuousLayout(true);
        outer.setLeftComponent(side.component());
        outer.setRightComponent(inner);
        outer.setBorder(null);
        outer.setContinuousLayout(true);
        frame.getContentPane().add(outer, BorderLayout.CENTER);
        frame.getContentPane().add(status.component(), BorderLayout.SOUTH);
    }

    private void restoreLayout() {
        Layout layout = settings.current().layout();
        WindowBox box = layout.window();
        frame.setSize(1180, 760);
        frame.setLocationRelativeTo(null);
        if (box != null && onScreen(new Rectangle(box.x(), box.y(), box.width(), box.height()))) {
            frame.setBounds(box.x(), box.y(), box.width(), box.height());
            if (box.maximized()) {
                frame.setExtendedState(Frame.MAXIMIZED_BOTH);
            }
        }
        outer.setDividerLocation(Math.max(160, layout.listDivider()));
        previewDivider = layout.previewDivider();
        if (previewDivider > 0) {
            inner.setDividerLocation(previewDivider);
        }
        if (!layout.previewVisible()) {
            setPreviewVisible(false);
        }
    }

    private static boolean onScreen(Rectangle box) {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            if (device.getDefaultConfiguration().getBounds().intersects(box)) {
                return true;
            }
        }
        return false;
    }

    private void noteOpened(UUID id) {
        namer.opened(id);
        links.opened(id);
        editorCards.show(editorCard, id == null ? "empty" : "editor");
        list.select(id);
        String name = id == null ? null : workspace.vault().note(id).map(NoteInfo::name).orElse(null);
        frame.setTitle(name == null ? "Weft" : name + " — Weft");
        renderPreview();
    }

    void namesChanged(List<NoteInfo> notes) {
        list.show(notes);
        attachments.refresh();
        UUID open = openNote.current();
        if (open == null) {
            return;
        }
        notes.stream().filter(n -> n.id().equals(open)).findFirst().ifPresentOrElse(n -> {
            if (n.trashed()) {
                openNote.closeNote();
            } else {
                frame.setTitle(n.name() + " — Weft");
            }
        }, openNote::closeNote);
    }

    private void renderPreview() {
        if (previewVisible()) {
            UUID open = openNote.current();
            preview.render(PreviewLinks.markdown(area.getText()), open == null ? null
                    : workspace.vault().note(open).map(NoteInfo::name).orElse(null));
        }
    }

    /** Saves the layout, closes the note and the window, then hands over to {@code onClosed}. */
    void close() {
        Rectangle bounds = frame.getBounds();
        boolean maximized = (frame.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        Layout before = settings.current().layout();
        WindowBox box = maximized && before.window() != null
                ? new WindowBox(before.window().x(), before.window().y(), before.window().width(),
                        before.window().height(), true)
                : new WindowBox(bounds.x, bounds.y, bounds.width, bounds.height, maximized);
        int previewAt = previewVisible() ? inner.getDividerLocation() : previewDivider;
        UUID last = openNote.current() != null ? openNote.current() : before.lastNote();
        settings.update(s -> s.withLayout(new Layout(box, outer.getDividerLocation(), previewAt, previewVisible(), last)));
        liveStatus.stop();
        heldPrompt.stop();
        namer.finish();
        openNote.close();
        links.close();
        previewQuiet.stop();
        counts.stop();
        index.close();
        frame.dispose();
        jobs.close();
        attachments.close();
        renderer.shutdownNow();
        onClosed.run();
    }

    private static void browse(String url) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            return;
        }
        Thread opener = new Thread(() -> {
            try {
                Desktop.getDesktop().browse(URI.create(url));
            } catch (Exception e) {
                // no browser: the link stays in the text, nothing else to do
            }
        }, "weft-browse");
        opener.setDaemon(true);
        opener.start();
    }
}
