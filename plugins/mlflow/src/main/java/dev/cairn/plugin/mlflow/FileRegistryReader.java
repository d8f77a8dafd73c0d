package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedModelVersion;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the file-based model registry of an MLflow store: {@code models/<name>/meta.yaml} (description, times,
 * {@code aliases} as a map or an empty list), {@code models/<name>/tags/}, {@code models/<name>/aliases/<alias>}
 * (a file holding the version number), {@code models/<name>/version-N/meta.yaml} (stage, run, source, status,
 * user, times, {@code aliases}) and {@code version-N/tags/}. A bad model or version is warned about and skipped.
 */
final class FileRegistryReader {
    private FileRegistryReader() {
    }

    static List<ImportedModel> read(Path store, ImportContext context) {
        Path models = store.resolve("models");
        List<ImportedModel> out = new ArrayList<>();
        if (!Files.isDirectory(models)) {
            return out;
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(models, Files::isDirectory)) {
            children.forEach(dirs::add);
        } catch (IOException e) {
            context.warn(models + ": model registry not readable (" + e.getMessage() + "); models skipped");
            return out;
        }
        dirs.sort(null);
        for (Path dir : dirs) {
            if (!Files.isRegularFile(dir.resolve("meta.yaml"))) {
                continue;
            }
            try {
                out.add(model(dir, context));
            } catch (ImportException e) {
                context.warn(e.getMessage() + "; model skipped");
            }
        }
        return out;
    }

    private static ImportedModel model(Path dir, ImportContext context) throws ImportException {
        MetaYaml meta = MetaYaml.read(dir.resolve("meta.yaml"));
        String name = MlflowTags.firstNonBlank(meta.text("name"), dir.getFileName().toString());
        Map<String, Integer> aliases = new LinkedHashMap<>();
        meta.map("aliases").forEach((alias, v) -> putAlias(aliases, alias, v, meta.file(), context));
        Path aliasDir = dir.resolve("aliases");
        try {
            for (Map.Entry<String, String> e : LocalFiles.keyedValues(aliasDir).entrySet()) {
                putAlias(aliases, e.getKey(), e.getValue(), aliasDir.resolve(e.getKey()), context);
            }
        } catch (IOException e) {
            context.warn(aliasDir + ": aliases not readable (" + e.getMessage() + ")");
        }
        List<ImportedModelVersion> versions = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, "version-*")) {
            for (Path v : children) {
                if (Files.isRegularFile(v.resolve("meta.yaml"))) {
                    try {
                        versions.add(version(v));
                    } catch (ImportException e) {
                        context.warn(e.getMessage() + "; version skipped");
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportException(dir + ": cannot list versions (" + e.getMessage() + ")", e);
        }
        versions.sort(Comparator.comparingInt(ImportedModelVersion::version));
        return new ImportedModel(name, MlflowTags.blankToNull(meta.text("description")),
                meta.number("creation_timestamp"), tags(dir.resolve("tags"), context), aliases, versions,
                dir.toString());
    }

    private static ImportedModelVersion version(Path dir) throws ImportException {
        MetaYaml meta = MetaYaml.read(dir.resolve("meta.yaml"));
        Long number = meta.number("version");
        if (number == null) {
            String suffix = dir.getFileName().toString().substring("version-".length());
            try {
                number = Long.parseLong(suffix);
            } catch (NumberFormatException e) {
                throw new ImportException(meta.file() + ": no version number");
            }
        }
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new ImportException(meta.file() + ": version " + number + " is not a positive number");
        }
        Object rawAliases = meta.raw("aliases");
        List<String> aliases = new ArrayList<>();
        if (rawAliases instanceof List<?> list) {
            list.forEach(a -> aliases.add(String.valueOf(a)));
        }
        String runId = MlflowTags.blankToNull(meta.text("run_id"));
        Map<String, String> tags;
        try {
            tags = LocalFiles.keyedValues(dir.resolve("tags"));
        } catch (IOException e) {
            throw new ImportException(dir.resolve("tags") + ": cannot read (" + e.getMessage() + ")", e);
        }
        return new ImportedModelVersion(number.intValue(), runId == null ? null : runId.toLowerCase(Locale.ROOT),
                meta.text("source"), meta.text("status"), meta.text("current_stage"), aliases,
                MlflowTags.blankToNull(meta.text("description")), tags, meta.number("creation_timestamp"),
                meta.number("last_updated_timestamp"), meta.text("user_id"));
    }

    private static Map<String, String> tags(Path dir, ImportContext context) {
        try {
            return LocalFiles.keyedValues(dir);
        } catch (IOException e) {
            context.warn(dir + ": model tags not readable (" + e.getMessage() + ")");
            return Map.of();
        }
    }

    private static void putAlias(Map<String, Integer> aliases, String alias, Object version, Path file,
                                 ImportContext context) {
        try {
            aliases.put(alias, Integer.parseInt(String.valueOf(version).strip()));
        } catch (NumberFormatException e) {
            context.warn(file + ": alias '" + alias + "' points at '" + version + "', not a version number; skipped");
        }
    }
}
