package org.orthomeasure.ui;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.orthomeasure.ui.session.Session;

/**
 * The PACS entries of the File menu: "Open from PACS…" and the "PACS" submenu (Send to PACS, Send outbox
 * again, PACS settings…), wired to {@link PacsActions}; the windows open over the main window.
 */
final class PacsMenu {

    private final PacsActions pacs;
    private final Session session;
    private final Supplier<Window> owner;

    PacsMenu(PacsActions pacs, Session session, Supplier<Window> owner) {
        this.pacs = pacs;
        this.session = session;
        this.owner = owner;
    }

    /** File > Open from PACS… */
    MenuItem openFromPacs() {
        MenuItem m = new MenuItem("Open from _PACS…");
        m.setId("openFromPacs");
        m.setOnAction(e -> showOpenFromPacs());
        return m;
    }

    /** File > PACS: send the reading, send the outbox again, settings. */
    Menu pacsMenu() {
        MenuItem send = new MenuItem("_Send to PACS (report, capture, PDF)");
        send.setId("sendToPacs");
        send.setOnAction(e -> pacs.sendCurrentReading());
        send.disableProperty().bind(session.radiographProperty().isNull().or(pacs.runningProperty()));
        MenuItem again = new MenuItem();
        again.setId("sendOutboxAgain");
        again.textProperty().bind(Bindings.createStringBinding(() -> "Send _outbox again (" + pacs.waitingProperty().get()
                + " waiting)", pacs.waitingProperty()));
        again.setOnAction(e -> pacs.sendOutboxAgain());
        again.disableProperty().bind(pacs.runningProperty());
        MenuItem settings = new MenuItem("PACS se_ttings…");
        settings.setId("pacsSettings");
        settings.setOnAction(e -> showSettings());
        Menu menu = new Menu("P_ACS");
        menu.setId("pacsMenu");
        menu.getItems().addAll(send, again, new SeparatorMenuItem(), settings);
        return menu;
    }

    void showOpenFromPacs() {
        new OpenFromPacsWindow(pacs, owner.get(), this::showSettings).show();
    }

    void showSettings() {
        Window top = javafx.stage.Window.getWindows().stream().filter(w -> w instanceof OpenFromPacsWindow && w.isShowing())
                .findFirst().orElse(owner.get());
        new PacsSettingsWindow(pacs, top).show();
    }
}
