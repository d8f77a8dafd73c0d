package dev.cairn.viewer.testing;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds controls a user can click that do nothing: an enabled, visible Button, Hyperlink, ToggleButton or MenuItem
 * (menu bars, menu buttons, context menus) with no action and no binding. Call on the FX thread.
 */
public final class ActionAudit {
    private ActionAudit() {
    }

    /** Every dead control of every showing window, described by window title, type and text. */
    public static List<String> deadControls() {
        List<String> out = new ArrayList<>();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing() && w.getScene() != null) {
                out.addAll(deadControls(w.getScene(), title(w)));
            }
        }
        return out;
    }

    /** The dead controls of one scene. */
    public static List<String> deadControls(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), where, out);
        return out;
    }

    private static void walk(Node node, String where, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> items(m.getItems(), where + " > " + m.getText(), out));
        }
        if (node instanceof MenuButton mb) {
            items(mb.getItems(), where + " > " + mb.getText(), out);
        }
        if (node instanceof Control c && c.getContextMenu() != null) {
            items(c.getContextMenu().getItems(), where + " > context menu", out);
        }
        if (node instanceof ButtonBase b && !node.isDisabled() && !wired(b)) {
            out.add(where + ": " + b.getClass().getSimpleName() + " '" + b.getText() + "'"
                    + (b.getId() == null ? "" : " #" + b.getId()) + " has no action");
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, where, out);
            }
        }
    }

    private static void items(List<MenuItem> items, String where, List<String> out) {
        for (MenuItem item : items) {
            if (item instanceof SeparatorMenuItem || !item.isVisible()) {
                continue;
            }
            if (item instanceof Menu menu) {
                items(menu.getItems(), where + " > " + menu.getText(), out);
                continue;
            }
            if (item.isDisable()) {
                continue;
            }
            if (item instanceof javafx.scene.control.CustomMenuItem custom && custom.getContent() != null) {
                walk(custom.getContent(), where, out); // e.g. a check box inside the menu: audit the control
                continue;
            }
            boolean wired = item.getOnAction() != null
                    || item instanceof CheckMenuItem check && hasObservers(check.selectedProperty())
                    || item instanceof RadioMenuItem radio && (radio.getToggleGroup() != null
                    || hasObservers(radio.selectedProperty()));
            if (!wired) {
                out.add(where + ": menu item '" + item.getText() + "' has no action");
            }
        }
    }

    private static boolean wired(ButtonBase b) {
        if (b.getOnAction() != null || b.getOnMouseClicked() != null || b.getOnMousePressed() != null) {
            return true;
        }
        if (b instanceof SplitMenuButton || b instanceof MenuButton) {
            return true; // opens its menu; its items are audited
        }
        if (b instanceof Button && insideDialogButtonBar(b)) {
            return true; // a dialog's own button: the dialog closes with its result
        }
        if (b instanceof ToggleButton t) {
            return t.getToggleGroup() != null || t.selectedProperty().isBound() || hasObservers(t.selectedProperty());
        }
        if (b instanceof javafx.scene.control.CheckBox c) {
            return c.selectedProperty().isBound() || hasObservers(c.selectedProperty());
        }
        if (b instanceof Hyperlink) {
            return false;
        }
        return false;
    }

    private static boolean insideDialogButtonBar(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ButtonBar && p.getParent() instanceof DialogPane) {
                return true;
            }
        }
        return false;
    }

    /** Best effort: a listener or bidirectional binding on the property; true when it cannot be told. */
    private static boolean hasObservers(BooleanProperty property) {
        try {
            Class<?> c = property.getClass();
            while (c != null) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals("helper")) {
                        f.setAccessible(true);
                        return f.get(property) != null;
                    }
                }
                c = c.getSuperclass();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    private static String title(Window w) {
        if (w instanceof javafx.stage.Stage s) {
            return "window '" + s.getTitle() + "'";
        }
        return w.getClass().getSimpleName();
    }
}
