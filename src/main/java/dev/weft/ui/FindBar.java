package dev.weft.ui;

import java.awt.FlowLayout;
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
    private final JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
    private final JTextField find = new JTextField(22);
    private final JTextField replace = new JTextField(16);
    private final JCheckBox matchCase = new JCheckBox("Match case");
    private final JLabel result = new JLabel();

    FindBar(RTextArea area) {
        this.area = area;
        find.setName("find.text");
        replace.setName("find.replace");
        result.setName("find.result");
        find.putClientProperty("JTextField.placeholderText", "Find");
        replace.putClientProperty("JTextField.placeholderText", "Replace with");
        JButton previous = button("find.previous", "Previous", () -> find(false));
        JButton next = button("find.next", "Next", () -> find(true));
        JButton one = button("find.replaceOne", "Replace", this::replaceOne);
        JButton all = button("find.replaceAll", "Replace all", this::replaceAll);
        JButton close = button("find.close", "✕", this::hide);
        close.putClientProperty("JButton.buttonType", "toolBarButton");
        close.setToolTipText("Close (Esc)");
        find.addActionListener(e -> find(true));
        find.registerKeyboardAction(e -> find(false), KeyStroke.getKeyStroke("shift ENTER"), JComponent.WHEN_FOCUSED);
        replace.addActionListener(e -> replaceOne());
        panel.registerKeyboardAction(e -> hide(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT);
        panel.add(find);
        panel.add(previous);
        panel.add(next);
        panel.add(matchCase);
        panel.add(replace);
        panel.add(one);
        panel.add(all);
        panel.add(result);
        panel.add(close);
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
