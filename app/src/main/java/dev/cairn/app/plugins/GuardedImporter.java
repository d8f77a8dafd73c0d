package dev.cairn.app.plugins;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.RunImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Wraps a plugin's importer so that whatever it throws (exceptions, linkage errors from a broken jar) is caught,
 * reported to its {@link PluginStatus}, and turned into a stated import failure: a plugin never takes Cairn down.
 * Identity (id, name, version) is read once, when the plugin is loaded.
 */
final class GuardedImporter implements RunImporter {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedImporter.class);

    private final RunImporter delegate;
    private final String id;
    private final String displayName;
    private final String version;
    private final Consumer<String> onFailure;

    GuardedImporter(RunImporter delegate, String id, String displayName, String version, Consumer<String> onFailure) {
        this.delegate = delegate;
        this.id = id;
        this.displayName = displayName;
        this.version = version;
        this.onFailure = onFailure;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public double probe(Path path) {
        try {
            double c = delegate.probe(path);
            return Double.isNaN(c) ? 0 : Math.max(0, Math.min(1, c));
        } catch (RuntimeException | LinkageError e) {
            failed("probe", path, e);
            return 0;
        }
    }

    @Override
    public ImportClaim claim(Path path) {
        try {
            ImportClaim c = delegate.claim(path);
            return c == null ? ImportClaim.NONE : c;
        } catch (RuntimeException | LinkageError e) {
            failed("claim", path, e);
            return ImportClaim.NONE;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        try {
            delegate.importFrom(path, sink, context);
        } catch (RuntimeException | LinkageError e) {
            failed("import", path, e);
            throw new ImportException(path + ": the plugin " + displayName + " " + version + " failed (" + e + ")",
                    e);
        }
    }

    private void failed(String what, Path path, Throwable e) {
        LOG.warn("plugin {} threw during {} of {}", id, what, path, e);
        onFailure.accept(what + " of " + path + " threw " + e);
    }
}
