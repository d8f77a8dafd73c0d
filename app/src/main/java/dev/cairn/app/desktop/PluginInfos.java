package dev.cairn.app.desktop;

import dev.cairn.app.plugins.PluginStatus;
import dev.cairn.viewer.shell.PluginInfo;

import java.util.List;
import java.util.Locale;

/** Plugin statuses as the window's Help → Plugins shows them. */
final class PluginInfos {
    private PluginInfos() {
    }

    static List<PluginInfo> of(List<PluginStatus> statuses) {
        return statuses.stream().map(s -> new PluginInfo(s.name(), s.id(), s.version(), s.source(),
                s.state().name().toLowerCase(Locale.ROOT), s.error())).toList();
    }
}
