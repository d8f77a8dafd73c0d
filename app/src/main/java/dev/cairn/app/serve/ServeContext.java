package dev.cairn.app.serve;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Run;

import java.nio.file.Path;

/**
 * What every handler shares: the open store, the artifact root, and MLflow's view of experiment ids. MLflow's
 * clients log into experiment {@code "0"} unless told otherwise; that is Cairn's experiment named
 * {@value #DEFAULT_EXPERIMENT} (created on first use). Every other experiment keeps its store id.
 */
public final class ServeContext {
    /** The experiment MLflow calls {@code "0"}. */
    public static final String DEFAULT_EXPERIMENT = "Default";
    static final String DEFAULT_ID = "0";

    private final TrackingStore store;
    private final ArtifactRoot artifacts;

    public ServeContext(TrackingStore store, Path artifactRoot) {
        this.store = store;
        this.artifacts = new ArtifactRoot(artifactRoot);
    }

    public TrackingStore store() {
        return store;
    }

    public ArtifactRoot artifacts() {
        return artifacts;
    }

    /** The experiment with MLflow id {@code id}, or RESOURCE_DOES_NOT_EXIST. */
    public Experiment experiment(String id) {
        if (id == null || id.isEmpty()) {
            throw ApiRequest.missing("experiment_id");
        }
        if (DEFAULT_ID.equals(id)) {
            return store.experiments().getOrCreate(DEFAULT_EXPERIMENT);
        }
        try {
            return store.experiments().byId(Long.parseLong(id))
                    .orElseThrow(() -> noExperiment(id));
        } catch (NumberFormatException e) {
            throw noExperiment(id);
        }
    }

    /** The MLflow id of an experiment. */
    public static String idOf(Experiment e) {
        return DEFAULT_EXPERIMENT.equals(e.name()) ? DEFAULT_ID : Long.toString(e.id());
    }

    /** The MLflow id of a run's experiment. */
    public static String experimentIdOf(Run run) {
        return DEFAULT_EXPERIMENT.equals(run.experimentName()) ? DEFAULT_ID : Long.toString(run.experimentId());
    }

    /** The run, or RESOURCE_DOES_NOT_EXIST named as MLflow names it. */
    public Run run(String id) {
        return store.runs().get(id).orElseThrow(() -> ApiException.notFound("Run with id=" + id + " not found"));
    }

    /** The artifact location of an experiment: served through the mlflow-artifacts proxy. */
    public static String artifactLocation(String experimentId) {
        return "mlflow-artifacts:/" + experimentId;
    }

    /** The artifact URI of a run: what it has, else its folder under the proxy. */
    public static String artifactUri(Run run) {
        return run.artifactUri() != null ? run.artifactUri()
                : artifactLocation(experimentIdOf(run)) + "/" + run.id() + "/artifacts";
    }

    private static ApiException noExperiment(String id) {
        return ApiException.notFound("No Experiment with id=" + id + " exists");
    }
}
