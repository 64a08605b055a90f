package dev.weft.ui.links;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.Scrollable;
import javax.swing.UIManager;

/**
 * The Backlinks panel of the open note: its linked mentions (links in other notes that lead to it)
 * and unlinked mentions (its name as plain text elsewhere), each with the note's name and the line
 * around it. A click, or Enter, opens that note at the place. Event thread only.
 */
public final class BacklinksPanel {
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JLabel linkedTitle = title();
    private final JLabel unlinkedTitle = title();
    private final DefaultListModel<LinkIndex.Mention> linked = new DefaultListModel<>();
    private final DefaultListModel<LinkIndex.Mention> unlinked = new DefaultListModel<>();

    public BacklinksPanel(Consumer<LinkIndex.Mention> open) {
        JPanel lists = new JPanel();
        lists.setLayout(new BoxLayout(lists, BoxLayout.Y_AXIS));
        lists.add(linkedTitle);
        lists.add(list("backlinks.linked", linked, open));
        lists.add(Box.createVerticalStrut(6));
        lists.add(unlinkedTitle);
        lists.add(list("backlinks.unlinked", unlinked, open));
        JPanel top = new WidthTracking();
        top.add(lists, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(top, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        JLabel header = new JLabel("Backlinks");
        header.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        header.setFont(header.getFont().deriveFont(java.awt.Font.BOLD));
        panel.add(header, BorderLayout.NORTH);
        panel.add(scroll, BorderLayout.CENTER);
        panel.setName("backlinks");
        panel.setPreferredSize(new Dimension(240, 280));
        show(LinkIndex.Backlinks.NONE);
    }

    public JComponent component() {
        return panel;
    }

    public void show(LinkIndex.Backlinks backlinks) {
        fill(linked, backlinks.linked());
        fill(unlinked, backlinks.unlinked());
        linkedTitle.setText("Linked mentions (" + backlinks.linked().size() + ")");
        unlinkedTitle.setText("Unlinked mentions (" + backlinks.unlinked().size()
                + (backlinks.unlinked().size() >= LinkIndex.MAX_UNLINKED ? "+" : "") + ")");
        panel.revalidate();
    }

    private static void fill(DefaultListModel<LinkIndex.Mention> model, List<LinkIndex.Mention> mentions) {
        model.clear();
        model.addAll(mentions);
    }

    private static JLabel title() {
        JLabel label = new JLabel();
        label.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        label.setForeground(UIManager.getColor("Label.disabledForeground"));
        label.setAlignmentX(Component.LEFT_ALIGNMENT);
        return label;
    }

    private static JList<LinkIndex.Mention> list(String name, DefaultListModel<LinkIndex.Mention> model,
            Consumer<LinkIndex.Mention> open) {
        JList<LinkIndex.Mention> list = new JList<>(model);
        list.setName(name);
        list.setAlignmentX(Component.LEFT_ALIGNMENT);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                LinkIndex.Mention m = (LinkIndex.Mention) value;
                super.getListCellRendererComponent(l, "<html><b>" + escape(m.noteName()) + "</b><br>"
                        + escape(m.context()) + "</html>", index, selected, focus);
                setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 6));
                setToolTipText(m.noteName());
                return this;
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int row = list.locationToIndex(e.getPoint());
                if (row >= 0 && list.getCellBounds(row, row).contains(e.getPoint())) {
                    open.accept(model.get(row));
                }
            }
        });
        list.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (e.getKeyCode() == KeyEvent.VK_ENTER && list.getSelectedValue() != null) {
                    open.accept(list.getSelectedValue());
                    e.consume();
                }
            }
        });
        return list;
    }

    /** The lists' panel as wide as the view: long lines are cut, not scrolled sideways. */
    private static final class WidthTracking extends JPanel implements Scrollable {
        WidthTracking() {
            super(new BorderLayout());
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return visible.height;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
