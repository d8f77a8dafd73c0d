package dev.cairn.viewer.runs;

import dev.cairn.viewer.common.GroupBy;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * The table toolbar's "Group by" menu: none, or any param or tag key the table knows. The list is built when the
 * menu opens, so it always offers the current keys.
 */
public final class GroupByPicker {
    private final MenuButton button = new MenuButton();
    private final RunsViewModel vm;

    public GroupByPicker(RunsViewModel vm) {
        this.vm = vm;
        button.setId("groupBy");
        button.setGraphic(new FontIcon(Material2AL.ACCOUNT_TREE));
        button.setOnShowing(e -> fill());
        vm.groupByProperty().addListener((o, a, b) -> label());
        label();
        fill();
    }

    private void label() {
        GroupBy by = vm.groupByProperty().get();
        button.setText(by == null ? "Group" : "Group: " + by.label());
    }

    private void fill() {
        ToggleGroup choices = new ToggleGroup();
        GroupBy current = vm.groupByProperty().get();
        button.getItems().setAll(choice("None", null, current, choices));
        addKeys("Params", vm.paramKeys(), GroupBy.Kind.PARAM, current, choices);
        addKeys("Tags", vm.tagKeys(), GroupBy.Kind.TAG, current, choices);
    }

    private void addKeys(String title, List<String> keys, GroupBy.Kind kind, GroupBy current, ToggleGroup choices) {
        if (keys.isEmpty()) {
            return;
        }
        MenuItem header = new MenuItem(title);
        header.setDisable(true);
        button.getItems().addAll(new SeparatorMenuItem(), header);
        for (String key : keys) {
            GroupBy by = new GroupBy(kind, key);
            button.getItems().add(choice(by.label(), by, current, choices));
        }
    }

    private RadioMenuItem choice(String text, GroupBy by, GroupBy current, ToggleGroup choices) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId("groupBy-" + (by == null ? "none" : by.id()));
        item.setToggleGroup(choices);
        item.setSelected(by == null ? current == null : by.equals(current));
        item.setOnAction(e -> vm.setGroupBy(by));
        return item;
    }

    public MenuButton node() {
        return button;
    }
}
