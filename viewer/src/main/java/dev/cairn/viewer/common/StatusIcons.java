package dev.cairn.viewer.common;

import dev.cairn.store.model.RunStatus;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;

/** Icons of the run statuses (colours come from the {@code status-*} style classes in cairn.css). */
public final class StatusIcons {
    private StatusIcons() {
    }

    public static Ikon ikon(RunStatus status) {
        return switch (status) {
            case RUNNING -> Material2MZ.PLAY_CIRCLE_FILLED;
            case SCHEDULED -> Material2MZ.SCHEDULE;
            case FINISHED -> Material2AL.CHECK_CIRCLE;
            case FAILED -> Material2AL.ERROR;
            case KILLED -> Material2AL.CANCEL;
        };
    }

    /** A coloured status icon with the status as tooltip. */
    public static FontIcon icon(RunStatus status) {
        FontIcon icon = new FontIcon(ikon(status));
        icon.setIconSize(16);
        icon.getStyleClass().add(styleClass(status));
        Tooltip.install(icon, new Tooltip(status.name().toLowerCase(Locale.ROOT)));
        return icon;
    }

    /** "status-running", "status-failed", ... */
    public static String styleClass(RunStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }
}
