package org.orthomeasure.ui.panels;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.orthomeasure.core.limb.CpakType;

/**
 * The CPAK 3×3 grid (MacDessi 2021; spec measurements.md, CPAK): columns aHKA varus / neutral /
 * valgus, rows JLO apex distal / neutral / apex proximal; the knee's cell is marked.
 */
public final class CpakGrid extends GridPane {

    private final Label[] cells = new Label[9];

    public CpakGrid(String idPrefix) {
        getStyleClass().add("cpak-grid");
        setHgap(2);
        setVgap(2);
        String[] cols = {"varus", "neutral", "valgus"};
        String[] rows = {"JLO <177", "177–183", ">183"};
        for (int c = 0; c < 3; c++) {
            Label h = new Label(cols[c]);
            h.getStyleClass().add("cpak-header");
            h.setMinWidth(52);
            h.setAlignment(Pos.CENTER);
            add(h, c + 1, 0);
        }
        for (int r = 0; r < 3; r++) {
            Label h = new Label(rows[r]);
            h.getStyleClass().add("cpak-header");
            add(h, 0, r + 1);
            for (int c = 0; c < 3; c++) {
                CpakType type = CpakType.values()[r * 3 + c];
                Label cell = new Label(type.name());
                cell.getStyleClass().add("cpak-cell");
                cell.setMinWidth(52);
                cell.setMinHeight(22);
                cell.setAlignment(Pos.CENTER);
                cell.setId(idPrefix + "cpak-" + type.name());
                cells[r * 3 + c] = cell;
                add(cell, c + 1, r + 1);
            }
        }
    }

    /** Marks {@code type}'s cell (none when null). */
    public void mark(CpakType type) {
        for (int i = 0; i < 9; i++) {
            cells[i].getStyleClass().remove("cpak-marked");
            if (type != null && i == type.ordinal()) {
                cells[i].getStyleClass().add("cpak-marked");
            }
        }
    }

    /** The marked type, or null. */
    public CpakType marked() {
        for (int i = 0; i < 9; i++) {
            if (cells[i].getStyleClass().contains("cpak-marked")) {
                return CpakType.values()[i];
            }
        }
        return null;
    }
}
