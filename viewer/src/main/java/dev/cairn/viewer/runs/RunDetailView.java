package dev.cairn.viewer.runs;

import atlantafx.base.theme.Styles;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.Sparkline;
import dev.cairn.viewer.common.StatusIcons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The run detail pane: overview (status, times, user, source, parent and children links), params, metrics with
 * last/min/max and a sparkline, tags (add/remove), an editable note, dataset inputs and artifacts.
 */
public final class RunDetailView {
    private static final double SPARK_WIDTH = 72;
    private static final int MAX_CHILD_LINKS = 12;

    private final VBox content = new VBox();
    private final ScrollPane root = new ScrollPane(content);
    private final RunDetailViewModel vm;
    private final RunsViewModel runs;
    private final RunDialogs dialogs;
    private Consumer<String> onOpenRun = id -> { };
    private Consumer<Path> onOpenFolder = p -> { };

    public RunDetailView(RunDetailViewModel vm, RunsViewModel runs, RunDialogs dialogs) {
        this.vm = vm;
        this.runs = runs;
        this.dialogs = dialogs;
        root.setId("detailPane");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.setMinWidth(0);
        content.getStyleClass().add("detail");
        vm.dataProperty().addListener((o, a, b) -> render());
        vm.runIdProperty().addListener((o, a, b) -> render());
        vm.errorProperty().addListener((o, a, b) -> render());
        render();
    }

    /** Called when a parent or child link is clicked. */
    public void setOnOpenRun(Consumer<String> handler) {
        this.onOpenRun = handler;
    }

    /** Called to open an artifact folder on the local disk. */
    public void setOnOpenFolder(Consumer<Path> handler) {
        this.onOpenFolder = handler;
    }

    private void render() {
        content.getChildren().clear();
        RunDetailData data = vm.dataProperty().get();
        if (vm.runIdProperty().get() == null) {
            content.getChildren().add(muted("Select a run to see its details."));
            return;
        }
        if (vm.errorProperty().get() != null && (data == null || !data.details().run().id().equals(
                vm.runIdProperty().get()))) {
            content.getChildren().add(muted(vm.errorProperty().get()));
            return;
        }
        if (data == null) {
            content.getChildren().add(muted("Loading…"));
            return;
        }
        RunDetails d = data.details();
        Run run = d.run();
        Label title = new Label(RunsTableView.displayName(run), StatusIcons.icon(run.status()));
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setTooltip(new javafx.scene.control.Tooltip(RunsTableView.displayName(run)));
        HBox.setHgrow(title, Priority.ALWAYS);
        Button rename = iconButton(Material2AL.EDIT, "Rename", e -> dialogs.rename(run));
        Button register = iconButton(Material2MZ.MODEL_TRAINING, "Register model…",
                e -> runs.registerModel(List.of(run.id())));
        register.setId("detailRegisterModel");
        register.visibleProperty().bind(runs.registerModelAvailableProperty());
        register.managedProperty().bind(register.visibleProperty());
        register.disableProperty().bind(runs.readOnlyProperty());
        HBox header = new HBox(6, title, rename, register);
        header.setMinWidth(0);
        header.setAlignment(Pos.TOP_LEFT);
        rename.setMinWidth(Region.USE_PREF_SIZE);
        register.setMinWidth(Region.USE_PREF_SIZE);
        content.getChildren().add(header);

        content.getChildren().add(section("Overview"));
        GridPane overview = grid("overviewGrid");
        int r = 0;
        r = row(overview, r, "Status", new Label(run.status().name().toLowerCase(java.util.Locale.ROOT)
                + (run.lifecycle() == dev.cairn.store.model.Lifecycle.DELETED ? " (deleted)" : "")));
        r = row(overview, r, "Run id", selectable(run.id()));
        r = row(overview, r, "Experiment", new Label(run.experimentName()));
        r = row(overview, r, "Started", new Label(Formats.dateTime(run.startMs())));
        if (run.endMs() != null) {
            r = row(overview, r, "Ended", new Label(Formats.dateTime(run.endMs())));
        }
        r = row(overview, r, "Duration", new Label(Formats.duration(run.durationMs(System.currentTimeMillis()))));
        r = row(overview, r, "User", new Label(nz(run.user())));
        if (run.sourceProgram() != null || run.sourceCommit() != null) {
            r = row(overview, r, "Source", selectable(nz(run.sourceProgram())
                    + (run.sourceCommit() == null ? "" : " @ " + run.sourceCommit())));
        }
        if (data.provenance() != null) {
            r = row(overview, r, "Written by", new Label(nz(data.provenance().writer())
                    + (data.provenance().host() == null ? "" : " on " + data.provenance().host())));
        }
        if (data.parent() != null) {
            r = row(overview, r, "Parent", link(data.parent()));
        }
        if (!data.children().isEmpty()) {
            FlowPane kids = new FlowPane(4, 2);
            kids.setPrefWrapLength(200);
            kids.setMinWidth(0);
            data.children().stream().limit(MAX_CHILD_LINKS).forEach(c -> {
                Hyperlink child = link(c);
                // a long name is cut with an ellipsis at the pane's edge, not clipped by it
                child.maxWidthProperty().bind(kids.widthProperty());
                kids.getChildren().add(child);
            });
            if (data.children().size() > MAX_CHILD_LINKS) {
                kids.getChildren().add(muted("… and " + (data.children().size() - MAX_CHILD_LINKS) + " more"));
            }
            r = row(overview, r, "Children (" + data.children().size() + ")", kids);
        }
        content.getChildren().add(overview);

        content.getChildren().add(section("Params (" + d.params().size() + ")"));
        if (d.params().isEmpty()) {
            content.getChildren().add(muted("No params."));
        } else {
            GridPane params = grid("paramsGrid");
            int i = 0;
            for (Map.Entry<String, String> e : d.params().entrySet()) {
                i = row(params, i, e.getKey(), selectable(e.getValue()));
            }
            content.getChildren().add(params);
        }

        content.getChildren().add(section("Metrics (" + d.metrics().size() + ")"));
        if (d.metrics().isEmpty()) {
            content.getChildren().add(muted("No metrics."));
        } else {
            content.getChildren().add(metrics(d, data.sparklines()));
        }

        content.getChildren().add(section("Tags"));
        content.getChildren().add(tags(run, d.tags()));

        content.getChildren().add(section("Note"));
        content.getChildren().add(note(run));

        if (!data.inputs().isEmpty()) {
            content.getChildren().add(section("Dataset inputs (" + data.inputs().size() + ")"));
            GridPane inputs = grid("inputsGrid");
            int i = 0;
            for (DatasetInput in : data.inputs()) {
                i = row(inputs, i, nz(in.name()), selectable(nz(in.context()) + "  " + nz(in.source())
                        + (in.digest() == null || in.digest().isEmpty() ? "" : "  #" + in.digest())));
            }
            content.getChildren().add(inputs);
        }
        content.getChildren().add(section("Artifacts (" + data.artifacts().size() + ")"));
        content.getChildren().add(artifacts(run, data.artifacts()));
    }

    private Node metrics(RunDetails d, Map<String, double[]> sparks) {
        GridPane g = grid("metricsGrid");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(48);
        names.setHgrow(Priority.ALWAYS);
        ColumnConstraints spark = new ColumnConstraints(SPARK_WIDTH);
        g.getColumnConstraints().setAll(names, number(), number(), number(), spark);
        String[] head = {"", "last", "min", "max", ""};
        for (int c = 0; c < head.length; c++) {
            Label h = new Label(head[c]);
            h.getStyleClass().add("detail-key");
            g.add(h, c, 0);
        }
        int r = 1;
        for (MetricSummary s : d.metrics().values()) {
            Label key = new Label(s.key());
            key.getStyleClass().add("detail-key");
            key.setMinWidth(0);
            key.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            key.setTooltip(new javafx.scene.control.Tooltip(s.key()));
            g.add(key, 0, r);
            g.add(fixed(Formats.number(s.last())), 1, r);
            g.add(fixed(Formats.number(s.min())), 2, r);
            g.add(fixed(Formats.number(s.max())), 3, r);
            double[] values = sparks.get(s.key());
            if (values != null) {
                Sparkline line = new Sparkline(values, SPARK_WIDTH, 18);
                line.setId("spark-" + s.key());
                g.add(line, 4, r);
            }
            r++;
        }
        return g;
    }

    private static ColumnConstraints number() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setHalignment(javafx.geometry.HPos.RIGHT);
        return c;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private Node tags(Run run, Map<String, String> tags) {
        FlowPane pane = new FlowPane(6, 6);
        pane.setId("tagsPane");
        pane.setMinWidth(0);
        for (Map.Entry<String, String> e : tags.entrySet()) {
            Label text = new Label(e.getValue().isEmpty() ? e.getKey() : e.getKey() + " = " + e.getValue());
            Button remove = iconButton(Material2AL.CLOSE, "Remove tag " + e.getKey(),
                    ev -> runs.removeTag(run.id(), e.getKey()));
            HBox chip = new HBox(text, remove);
            chip.getStyleClass().add("tag-chip");
            pane.getChildren().add(chip);
        }
        Button add = new Button("Add tag", new FontIcon(Material2AL.ADD));
        add.setId("addTag");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> dialogs.addTag(List.of(run.id())));
        add.disableProperty().bind(runs.readOnlyProperty());
        pane.getChildren().add(add);
        return pane;
    }

    private Node note(Run run) {
        TextArea area = new TextArea(nz(run.note()));
        area.setId("noteArea");
        area.setPromptText("Write a note about this run");
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setMinWidth(0);
        area.setPrefColumnCount(10);
        area.editableProperty().bind(runs.readOnlyProperty().not());
        Button save = new Button("Save note");
        save.setId("saveNote");
        save.getStyleClass().add(Styles.SMALL);
        save.disableProperty().bind(area.textProperty().isEqualTo(nz(run.note())).or(runs.readOnlyProperty()));
        save.setOnAction(e -> runs.setNote(run.id(), area.getText()));
        return new VBox(4, area, save);
    }

    private Node artifacts(Run run, List<Artifact> files) {
        VBox box = new VBox(2);
        Path folder = localFolder(run.artifactUri());
        if (run.artifactUri() != null) {
            Label root = selectable(run.artifactUri());
            if (folder != null) {
                Button open = new Button("Open folder", new FontIcon(Material2MZ.OPEN_IN_NEW));
                open.getStyleClass().add(Styles.SMALL);
                open.setOnAction(e -> onOpenFolder.accept(folder));
                box.getChildren().add(new HBox(8, root, open));
            } else {
                box.getChildren().add(root);
            }
        }
        if (files.isEmpty()) {
            box.getChildren().add(muted("No artifacts."));
        }
        int shown = 0;
        for (Artifact a : files) {
            if (shown++ == 200) {
                box.getChildren().add(muted("… and " + (files.size() - 200) + " more"));
                break;
            }
            box.getChildren().add(new Label(a.path() + (a.size() == null ? "" : "   " + humanSize(a.size()))));
        }
        return box;
    }

    /** The artifact root as a local folder when it is one that exists, else null. */
    static Path localFolder(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            Path p = uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)) : uri.contains("://") ? null
                    : Path.of(uri);
            return p != null && Files.isDirectory(p) ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private Hyperlink link(Run run) {
        Hyperlink link = new Hyperlink(RunsTableView.displayName(run));
        link.setMinWidth(0);
        link.setOnAction(e -> {
            runs.reveal(run.id());
            onOpenRun.accept(run.id());
        });
        return link;
    }

    private static GridPane grid(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setMinWidth(0);
        g.setHgap(12);
        g.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(80);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(keys, values);
        return g;
    }

    private static int row(GridPane g, int r, String key, Node value) {
        Label k = new Label(key);
        k.getStyleClass().add("detail-key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setValignment(k, javafx.geometry.VPos.TOP);
        g.add(k, 0, r);
        g.add(value, 1, r);
        return r + 1;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-section");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-empty");
        l.setWrapText(true);
        l.setPadding(new Insets(4, 0, 4, 0));
        return l;
    }

    private static Label selectable(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setTooltip(new javafx.scene.control.Tooltip(text));
        return l;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon ikon, String tip,
                                     javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(null, new FontIcon(ikon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(action);
        return b;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ScrollPane node() {
        return root;
    }
}
