package dev.cairn.viewer.shell;

/** What the centre of the main window shows. */
public enum Screen {
    /** No store open: welcome view with "Open store". */
    NO_STORE,
    /** A store is being opened. */
    OPENING,
    /** The store is empty: welcome view with open, import and demo data. */
    WELCOME,
    /** Experiments, runs table and run detail. */
    BROWSER,
    /** The model registry browser. */
    REGISTRY,
    /** The hyperparameter analysis of the runs in view. */
    HPARAMS,
    /** The data-drift view of the registered models. */
    DRIFT,
    /** Model performance per batch and slice, alert rules and alerts, champion vs challenger. */
    MONITORING,
    /** The store could not be opened. */
    ERROR
}
