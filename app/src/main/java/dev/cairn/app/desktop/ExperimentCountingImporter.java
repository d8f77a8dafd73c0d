package dev.cairn.app.desktop;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;

import java.nio.file.Path;
import java.util.Set;

/**
 * An importer that notes the experiment of every run it hands to the sink, so the import sheet can say "21 runs in
 * 1 experiment" (the import summary counts runs only). Otherwise it is the importer it wraps.
 */
final class ExperimentCountingImporter implements RunImporter {
    private final RunImporter delegate;
    private final Set<String> experiments;

    ExperimentCountingImporter(RunImporter delegate, Set<String> experiments) {
        this.delegate = delegate;
        this.experiments = experiments;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String displayName() {
        return delegate.displayName();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public double probe(Path path) {
        return delegate.probe(path);
    }

    @Override
    public ImportClaim claim(Path path) {
        return delegate.claim(path);
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        delegate.importFrom(path, new ImportSink() {
            @Override
            public void experiment(ImportedExperiment experiment) {
                sink.experiment(experiment);
            }

            @Override
            public Outcome write(ImportedRun run) {
                Outcome outcome = sink.write(run);
                if (outcome != Outcome.FAILED) {
                    experiments.add(context.experimentOverride().orElse(run.experiment()));
                }
                return outcome;
            }
        }, context);
    }
}
