package dev.cairn.app.plugins;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds plugin jars for tests: compiles sources with javax.tools against the test class path and jars them. */
final class PluginJars {
    private PluginJars() {
    }

    /** The sample external plugin module's folder, found walking up from the working directory. */
    static Path sampleExternalModule() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path candidate = p.resolve("plugins").resolve("sample-external");
            if (Files.isDirectory(candidate.resolve("src/main/java"))) {
                return candidate;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("plugins/sample-external not found above " + Path.of("").toAbsolutePath());
    }

    /** Compiles a module's src/main/java and packs it with src/main/resources into {@code jar}. */
    static Path buildModule(Path module, Path work, Path jar, String apiVersion) throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(module.resolve("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Path classes = compile(sources, Files.createDirectories(work.resolve("classes-" + jar.getFileName())));
        Path resources = module.resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            copyTree(resources, classes);
        }
        return jar(classes, jar, apiVersion);
    }

    /** Compiles in-memory sources (file name to text) plus extra files (e.g. a services file) into {@code jar}. */
    static Path build(Map<String, String> sources, Map<String, String> files, Path work, Path jar, String apiVersion)
            throws IOException {
        Path src = Files.createDirectories(work.resolve("src-" + jar.getFileName()));
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            paths.add(Files.writeString(src.resolve(e.getKey()), e.getValue()));
        }
        Path classes = Files.createDirectories(work.resolve("classes-" + jar.getFileName()));
        if (!paths.isEmpty()) {
            compile(paths, classes);
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = classes.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return jar(classes, jar, apiVersion);
    }

    private static Path compile(List<Path> sources, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, OutputStream.nullOutputStream(), err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Path jar(Path classes, Path jar, String apiVersion) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (apiVersion != null) {
            mf.getMainAttributes().putValue("Cairn-Plugin-Api", apiVersion);
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                try {
                    Path dst = to.resolve(from.relativize(f).toString());
                    Files.createDirectories(dst.getParent());
                    Files.copy(f, dst);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
