package dev.cairn.viewer.shell;

import atlantafx.base.theme.Styles;
import dev.cairn.viewer.drift.DriftView;
import dev.cairn.viewer.drift.DriftViewModel;
import dev.cairn.viewer.monitoring.MonitoringView;
import dev.cairn.viewer.monitoring.MonitoringViewModel;
import dev.cairn.viewer.hparams.HparamsView;
import dev.cairn.viewer.hparams.HparamsViewModel;
import dev.cairn.viewer.registry.RegistryView;
import dev.cairn.viewer.registry.RegistryViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;
import java.util.function.Function;

/**
 * The node each {@link Screen} shows in the centre of the main window. Feature screens (registry, hyperparameters,
 * drift) sit under one header with a "Runs" button that leads back; their nodes are built once per view-model the
 * shell hands out.
 */
final class ScreenViews {
    private final ShellViewModel vm;
    private final ShellCommands commands;
    private final Node browser;
    private final Cached<RegistryViewModel> registry = new Cached<>();
    private final Cached<HparamsViewModel> hparams = new Cached<>();
    private final Cached<DriftViewModel> drift = new Cached<>();
    private final Cached<MonitoringViewModel> monitoring = new Cached<>();

    ScreenViews(ShellViewModel vm, ShellCommands commands, Node browser) {
        this.vm = vm;
        this.commands = commands;
        this.browser = browser;
    }

    Node nodeFor(Screen screen) {
        return switch (screen) {
            case OPENING -> opening();
            case WELCOME -> new WelcomeView(vm, commands, true).node();
            case NO_STORE -> new WelcomeView(vm, commands, false).node();
            case ERROR -> new StoreErrorView(vm, commands).node();
            case BROWSER -> browser;
            case REGISTRY -> registry.node(vm.registryProperty().get(), r -> {
                RegistryView view = new RegistryView(r);
                view.setId("registryView");
                return withHeader("Model registry", view);
            });
            case HPARAMS -> hparams.node(vm.hparamsProperty().get(), h -> withHeader(
                    "Hyperparameters · " + h.runCount() + " runs", new HparamsView(h)));
            case DRIFT -> drift.node(vm.driftProperty().get(), d -> withHeader("Data drift",
                    new DriftView(d, vm.themeProperty().get())));
            case MONITORING -> monitoring.node(vm.monitoringProperty().get(), m -> withHeader("Monitoring",
                    new MonitoringView(m, vm.themeProperty().get())));
        };
    }

    /** The theme changed: the drift and monitoring views (whose chart colours follow it) are built again when shown. */
    void themeChanged() {
        drift.forget();
        monitoring.forget();
    }

    /** A feature screen under the header: "← Runs" and its title. */
    private Node withHeader(String title, Node content) {
        Button back = new Button("Runs", new FontIcon(Material2AL.ARROW_BACK));
        back.setId("backToRuns");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> vm.showRuns(List.of()));
        Label label = new Label(title);
        label.getStyleClass().add("view-header-title");
        HBox header = new HBox(back, label);
        header.getStyleClass().add("view-header");
        BorderPane pane = new BorderPane(content);
        pane.setTop(header);
        return pane;
    }

    private static Node opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label("Opening store…");
        VBox box = new VBox(12, spinner, label);
        box.getStyleClass().add("welcome");
        return box;
    }

    /** The node of the last view-model shown, built again only when the shell hands out another one. */
    private static final class Cached<M> {
        private M model;
        private Node node;

        void forget() {
            model = null;
            node = null;
        }

        Node node(M current, Function<M, Node> build) {
            if (current == null) {
                return new Label("No store is open.");
            }
            if (current != model) {
                model = current;
                node = build.apply(current);
            }
            return node;
        }
    }
}
