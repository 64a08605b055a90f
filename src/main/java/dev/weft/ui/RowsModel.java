package dev.weft.ui;

import java.util.List;
import java.util.function.BiFunction;
import javax.swing.table.AbstractTableModel;

/** A read-only table of rows of one kind, each column's cell a function of its row (trash, search, history). */
final class RowsModel<T> extends AbstractTableModel {
    private final List<String> columns;
    private final BiFunction<T, Integer, Object> cell;
    private List<T> rows = List.of();

    RowsModel(List<String> columns, BiFunction<T, Integer, Object> cell) {
        this.columns = List.copyOf(columns);
        this.cell = cell;
    }

    void show(List<T> shown) {
        rows = List.copyOf(shown);
        fireTableDataChanged();
    }

    List<T> rows() {
        return rows;
    }

    T row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column);
    }

    @Override
    public Object getValueAt(int row, int column) {
        return cell.apply(rows.get(row), column);
    }
}
