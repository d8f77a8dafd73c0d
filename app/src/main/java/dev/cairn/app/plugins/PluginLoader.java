package dev.cairn.app.plugins;

import dev.cairn.app.StoreLocator;
import dev.cairn.plugin.PluginApi;
import dev.cairn.plugin.drift.DriftTest;
import dev.cairn.plugin.importer.RunImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Finds plugins: built-in ones with {@link ServiceLoader} on the application's class path, external ones as jars
 * in the user's plugin folder, each jar in its own class loader. Nothing a plugin does while loading (missing
 * classes, a throwing constructor, a wrong API version, a clashing id) stops the others or the app; it becomes a
 * {@link PluginStatus}.
 */
public final class PluginLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final String SERVICE_FILE = "META-INF/services/" + RunImporter.class.getName();
    private static final String DRIFT_SERVICE_FILE = "META-INF/services/" + DriftTest.class.getName();
    private static final int MAX_PROVIDER_ERRORS = 100;

    private PluginLoader() {
    }

    /** The user's plugin folder: {@code <data dir>/plugins} (e.g. {@code ~/.local/share/cairn/plugins}). */
    public static Path defaultPluginDir(Map<String, String> env) {
        return StoreLocator.dataDir(env).resolve("plugins");
    }

    /** Built-ins plus the jars in the user's plugin folder. */
    public static PluginRegistry loadDefault() {
        return load(defaultPluginDir(System.getenv()), PluginLoader.class.getClassLoader());
    }

    /**
     * The built-in drift tests visible to {@code appLoader} ({@link ServiceLoader}); a test that fails to load is
     * logged and skipped, an id seen twice keeps the first.
     */
    public static List<DriftTest> driftTests(ClassLoader appLoader) {
        List<DriftTest> out = new ArrayList<>();
        Iterator<DriftTest> it = ServiceLoader.load(DriftTest.class, appLoader).iterator();
        for (int errors = 0; errors < MAX_PROVIDER_ERRORS; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                DriftTest test = it.next();
                if (out.stream().noneMatch(t -> t.id().equals(test.id()))) {
                    out.add(test);
                } else {
                    LOG.warn("a second drift test with id '{}' ({}) was skipped", test.id(), test.getClass().getName());
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                LOG.warn("a built-in drift test failed to load", e);
            }
        }
        return out;
    }

    /** Built-ins visible to {@code appLoader} plus every jar in {@code pluginDir} (which may be missing). */
    public static PluginRegistry load(Path pluginDir, ClassLoader appLoader) {
        PluginRegistry registry = new PluginRegistry();
        loadBuiltIns(registry, appLoader);
        for (DriftTest test : driftTests(appLoader)) {
            addDriftTest(registry, test, PluginStatus.BUILT_IN);
        }
        for (Path jar : jars(pluginDir, registry)) {
            loadJar(registry, jar, appLoader);
        }
        return registry;
    }

    private static void loadBuiltIns(PluginRegistry registry, ClassLoader appLoader) {
        Iterator<RunImporter> it = ServiceLoader.load(RunImporter.class, appLoader).iterator();
        for (int errors = 0; errors < MAX_PROVIDER_ERRORS; ) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                RunImporter importer = it.next();
                add(registry, importer, PluginStatus.BUILT_IN);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                LOG.warn("a built-in plugin failed to load", e);
                registry.record("built-in#" + errors, new PluginStatus("built-in plugin", null, null,
                        PluginStatus.BUILT_IN, PluginStatus.State.FAILED, String.valueOf(e.getMessage())));
            }
        }
    }

    private static List<Path> jars(Path pluginDir, PluginRegistry registry) {
        List<Path> out = new ArrayList<>();
        if (pluginDir == null || !Files.isDirectory(pluginDir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(pluginDir, "*.jar")) {
            s.forEach(out::add);
        } catch (IOException e) {
            registry.record(pluginDir.toString(), new PluginStatus(pluginDir.getFileName().toString(), null, null,
                    pluginDir.toString(), PluginStatus.State.FAILED, "cannot list the plugin folder: "
                    + e.getMessage()));
        }
        out.sort(null);
        return out;
    }

    private static void loadJar(PluginRegistry registry, Path jar, ClassLoader appLoader) {
        String source = jar.toString();
        String jarName = jar.getFileName().toString();
        List<String> classes;
        try (JarFile file = new JarFile(jar.toFile())) {
            String incompatible = incompatibility(file.getManifest());
            if (incompatible != null) {
                registry.record(source, new PluginStatus(jarName, null, null, source,
                        PluginStatus.State.INCOMPATIBLE, incompatible));
                return;
            }
            classes = providerNames(file, SERVICE_FILE);
            for (String name : providerNames(file, DRIFT_SERVICE_FILE)) {
                if (!classes.contains(name)) {
                    classes.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            registry.record(source, new PluginStatus(jarName, null, null, source, PluginStatus.State.FAILED,
                    "not a readable jar: " + e.getMessage()));
            return;
        }
        if (classes.isEmpty()) {
            registry.record(source, new PluginStatus(jarName, null, null, source, PluginStatus.State.FAILED,
                    "no importer or drift test in the jar (missing " + SERVICE_FILE + " and " + DRIFT_SERVICE_FILE
                    + ")"));
            return;
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + jarName, new URL[] {jar.toUri().toURL()}, appLoader);
        } catch (IOException e) {
            registry.record(source, new PluginStatus(jarName, null, null, source, PluginStatus.State.FAILED,
                    e.getMessage()));
            return;
        }
        for (String className : classes) {
            try {
                Class<?> type = Class.forName(className, true, loader);
                if (DriftTest.class.isAssignableFrom(type)) {
                    addDriftTest(registry, (DriftTest) type.getDeclaredConstructor().newInstance(), source);
                    continue;
                }
                if (!RunImporter.class.isAssignableFrom(type)) {
                    throw new IllegalStateException(className + " implements neither " + RunImporter.class.getName()
                            + " nor " + DriftTest.class.getName());
                }
                RunImporter importer = (RunImporter) type.getDeclaredConstructor().newInstance();
                add(registry, importer, source);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                        ? ite.getCause() : e;
                LOG.warn("plugin {} from {} failed to load", className, jar, cause);
                registry.record(source + "#" + className, new PluginStatus(className, null, null, source,
                        PluginStatus.State.FAILED, cause.toString()));
            }
        }
    }

    private static void addDriftTest(PluginRegistry registry, DriftTest test, String source) {
        String id;
        String name;
        try {
            id = test.id();
            name = test.displayName();
        } catch (RuntimeException | LinkageError e) {
            registry.record(source + "#" + test.getClass().getName(), new PluginStatus(test.getClass().getName(), null,
                    null, source, PluginStatus.State.FAILED, "id() or displayName() threw " + e));
            return;
        }
        String key = source + "#drift:" + id;
        String version = versionOf(test.getClass());
        if (id == null || id.isBlank()) {
            registry.record(key, new PluginStatus(test.getClass().getName(), id, version, source,
                    PluginStatus.State.FAILED, "the drift test has no id"));
        } else if (registry.hasDriftTestId(id)) {
            registry.record(key, new PluginStatus(name, id, version, source, PluginStatus.State.FAILED,
                    "a drift test with id '" + id + "' is already loaded"));
        } else {
            registry.addDriftTest(key, test, new PluginStatus("Drift test: " + name, id, version, source,
                    PluginStatus.State.LOADED, null));
        }
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v != null ? v : dev.cairn.app.Version.get();
    }

    private static void add(PluginRegistry registry, RunImporter importer, String source) {
        String id;
        String name;
        String version;
        try {
            id = importer.id();
            name = importer.displayName();
            version = importer.version();
        } catch (RuntimeException | LinkageError e) {
            registry.record(source + "#" + importer.getClass().getName(), new PluginStatus(
                    importer.getClass().getName(), null, null, source, PluginStatus.State.FAILED,
                    "id(), displayName() or version() threw " + e));
            return;
        }
        String key = source + "#" + id;
        if (id == null || id.isBlank()) {
            registry.record(key, new PluginStatus(importer.getClass().getName(), id, version, source,
                    PluginStatus.State.FAILED, "the importer has no id"));
        } else if (registry.hasImporterId(id)) {
            registry.record(key, new PluginStatus(name, id, version, source, PluginStatus.State.FAILED,
                    "an importer with id '" + id + "' is already loaded"));
        } else {
            registry.addImporter(key, importer, new PluginStatus(name, id, version, source,
                    PluginStatus.State.LOADED, null));
        }
    }

    /** Null when the jar's declared plugin API version (if any) is compatible, else why not. */
    private static String incompatibility(Manifest manifest) {
        if (manifest == null) {
            return null;
        }
        String declared = manifest.getMainAttributes().getValue(new Attributes.Name(PluginApi.MANIFEST_ATTRIBUTE));
        if (declared == null) {
            return null;
        }
        String major = declared.strip().split("\\.")[0];
        if (!major.equals(String.valueOf(PluginApi.MAJOR_VERSION))) {
            return "built for plugin API " + declared.strip() + "; this Cairn has " + PluginApi.MAJOR_VERSION + "."
                    + PluginApi.MINOR_VERSION;
        }
        return null;
    }

    private static List<String> providerNames(JarFile file, String serviceFile) throws IOException {
        List<String> out = new ArrayList<>();
        ZipEntry entry = file.getEntry(serviceFile);
        if (entry == null) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getInputStream(entry),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!name.isEmpty() && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
