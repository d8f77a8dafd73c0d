package dev.cairn.app.cli;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.app.plugins.PluginRegistry;
import dev.cairn.app.plugins.PluginStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cairn plugins [--json]}: lists built-in and external plugins with version, source and status. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List plugins (built-in and from the plugin folder) with their status.")
public final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--plugin-dir", paramLabel = "DIR", description = "Plugin folder (default: the per-user one).")
    Path pluginDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = pluginDir != null ? pluginDir : PluginLoader.defaultPluginDir(System.getenv());
        PluginRegistry registry = PluginLoader.load(dir, PluginsCommand.class.getClassLoader());
        List<PluginStatus> statuses = registry.statuses();
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(statuses.stream().map(PluginsCommand::toJson).toList()));
        } else {
            out.println("plugin folder: " + dir);
            TextTable table = new TextTable("NAME", "ID", "VERSION", "STATUS", "SOURCE", "ERROR");
            for (PluginStatus s : statuses) {
                table.row(s.name(), s.id() == null ? "" : s.id(), s.version() == null ? "" : s.version(),
                        s.state().name().toLowerCase(java.util.Locale.ROOT), s.source(),
                        s.error() == null ? "" : s.error());
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> toJson(PluginStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("id", s.id());
        m.put("version", s.version());
        m.put("source", s.source());
        m.put("status", s.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("error", s.error());
        return m;
    }
}
