package dev.weft.ui;

import java.awt.BorderLayout;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;

/**
 * The tabs below the note list (Outline, Tags, and any other panel about the notes): a panel
 * joins with {@link #add}, named {@code side.NAME} for tests. The tabs share the space left of the
 * editor with the note list through a split.
 */
final class SidePanels {
    private final JTabbedPane tabs = new JTabbedPane(JTabbedPane.TOP, JTabbedPane.SCROLL_TAB_LAYOUT);
    private final JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT);

    SidePanels(JComponent above) {
        tabs.setName("side.tabs");
        split.setTopComponent(above);
        split.setBottomComponent(tabs);
        split.setResizeWeight(0.6);
        split.setBorder(null);
        split.setContinuousLayout(true);
    }

    /** Adds a panel as a tab called {@code title}. */
    void add(String title, JComponent panel) {
        JPanel holder = new JPanel(new BorderLayout());
        holder.setName("side." + title);
        holder.add(panel);
        tabs.addTab(title, holder);
    }

    /** Brings the tab called {@code title} to the front. */
    void show(String title) {
        int at = tabs.indexOfTab(title);
        if (at >= 0) {
            tabs.setSelectedIndex(at);
        }
    }

    JTabbedPane tabs() {
        return tabs;
    }

    /** The note list above the tabs: what the window lays out. */
    JComponent component() {
        return split;
    }
}
