package dev.weft.ui;

import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import org.fife.ui.rtextarea.RTextArea;
import org.fife.ui.rtextarea.SearchContext;
import org.fife.ui.rtextarea.SearchEngine;
import org.fife.ui.rtextarea.SearchResult;

/**
 * Find and replace in the open note, under the editor: Enter finds the next match, Shift+Enter the
 * previous, Escape closes. Uses RSyntaxTextArea's {@link SearchEngine}, so replacing goes through
 * the document like typing does. Event thread only.
 */
final class FindBar {
    private final RTextArea area;
    private final JPanel panel = new JPanel(new GridBagLayout());
    private final JTextField find = new JTextField(14);
    private final JTextField replace = new JTextField(14);
    private final JCheckBox matchCase = new JCheckBox("Match case");
    private final JLabel result = new JLabel();

    FindBar(RTextArea area) {
        this.area = area;
        find.setName("find.text");
        replace.setName("find.replace");
        result.setName("find.result");
        find.putClientProperty("JTextField.placeholderText", "Find");
        replace.putClientProperty("JTextField.placeholderText", "Replace with");
        JButton previous = button("find.previous", "\u2191", () -> find(false));
        previous.setToolTipText("Previous match (Shift+Enter)");
        JButton next = button("find.next", "\u2193", () -> find(true));
        next.setToolTipText("Next match (Enter)");
        JButton one = button("find.replaceOne", "Replace", this::replaceOne);
        JButton all = button("find.replaceAll", "Replace All", this::replaceAll);
        JButton close = button("find.close", "\u2715", this::hide);
        for (JButton small : new JButton[] {previous, next, close}) {
            small.putClientProperty("JButton.buttonType", "toolBarButton");
        }
        close.setToolTipText("Close (Esc)");
        find.addActionListener(e -> find(true));
        find.registerKeyboardAction(e -> find(false), KeyStroke.getKeyStroke("shift ENTER"), JComponent.WHEN_FOCUSED);
        replace.addActionListener(e -> replaceOne());
        panel.registerKeyboardAction(e -> hide(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT);
        // two rows that fit a narrow editor: find with its arrows, then replace with its buttons
        row(0, find, previous, next, matchCase, close);
        row(1, replace, one, all, result);
        panel.setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")));
        panel.setVisible(false);
    }

    JPanel component() {
        return panel;
    }

    /** Opens the bar with the selected text (if any) to find. */
    void open() {
        String selected = area.getSelectedText();
        if (selected != null && !selected.isEmpty() && selected.indexOf('\n') < 0) {
            find.setText(selected);
        }
        result.setText("");
        panel.setVisible(true);
        panel.revalidate();
        find.selectAll();
        find.requestFocusInWindow();
    }

    void hide() {
        panel.setVisible(false);
        SearchEngine.markAll(area, new SearchContext());
        area.requestFocusInWindow();
    }

    private void row(int y, JTextField field, JComponent... rest) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(y == 0 ? 6 : 2, 8, y == 0 ? 2 : 6, 0);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        panel.add(field, c);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        for (JComponent part : rest) {
            buttons.add(part);
        }
        c.gridx = 1;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(c.insets.top, 4, c.insets.bottom, 4);
        panel.add(buttons, c);
    }

    private JButton button(String name, String text, Runnable action) {
        JButton button = new JButton(text);
        button.setName(name);
        button.addActionListener(e -> action.run());
        return button;
    }

    private SearchContext context(boolean forward) {
        SearchContext context = new SearchContext(find.getText(), matchCase.isSelected());
        context.setSearchForward(forward);
        context.setSearchWrap(true);
        context.setMarkAll(true);
        context.setReplaceWith(replace.getText());
        return context;
    }

    private void find(boolean forward) {
        if (find.getText().isEmpty()) {
            return;
        }
        SearchResult found = SearchEngine.find(area, context(forward));
        result.setText(found.wasFound() ? found.getMarkedCount() + " found" : "No match");
    }

    private void replaceOne() {
        if (find.getText().isEmpty() || !area.isEditable()) {
            return;
        }
        SearchResult done = SearchEngine.replace(area, context(true));
        result.setText(done.wasFound() ? "Replaced" : "No match");
    }

    private void replaceAll() {
        if (find.getText().isEmpty() || !area.isEditable()) {
            return;
        }
        SearchResult done = SearchEngine.replaceAll(area, context(true));
        int count = done.getCount();
        result.setText(count == 0 ? "No match" : count == 1 ? "1 replaced" : count + " replaced");
    }
}
