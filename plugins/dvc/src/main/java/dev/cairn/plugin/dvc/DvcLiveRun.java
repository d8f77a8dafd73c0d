package dev.cairn.plugin.dvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A dvclive output folder and where its parts live, for the three layouts dvclive has written:
 * <ul>
 *   <li>0.x: {@code <dir>/scalars/**.tsv} ({@code timestamp step value}) with the summary in {@code <dir>.json}
 *       beside the folder (e.g. {@code dvclive.json});</li>
 *   <li>1.x–2.x: {@code <dir>/plots/metrics/**.tsv} whose value column is prefixed ({@code train/acc}), summary
 *       {@code <dir>/metrics.json};</li>
 *   <li>2.x–3.x: the same with an unprefixed value column ({@code acc}) and optionally {@code <dir>/params.yaml}.</li>
 * </ul>
 */
record DvcLiveRun(Path dir, Path seriesRoot, Optional<Path> summary) {

    /** The layout found in {@code dir}, if it is a dvclive folder at all. */
    static Optional<DvcLiveRun> detect(Path dir) {
        Path plots = dir.resolve("plots").resolve("metrics");
        Path metricsJson = dir.resolve("metrics.json");
        if (Files.isDirectory(plots) || (Files.isRegularFile(metricsJson) && Files.isDirectory(dir.resolve("plots")))) {
            return Optional.of(new DvcLiveRun(dir, plots, existing(metricsJson)));
        }
        Path scalars = dir.resolve("scalars");
        if (Files.isDirectory(scalars)) {
            Path name = dir.getFileName();
            Optional<Path> summary = name == null ? Optional.empty()
                    : existing(dir.resolveSibling(name + ".json"));
            return Optional.of(new DvcLiveRun(dir, scalars, summary));
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
