package dev.cairn.plugin.mlflow;

import dev.cairn.store.model.RunStatus;

import java.util.Locale;

/** MLflow run statuses: numbers in file stores (RUNNING=1 ... KILLED=5), names in SQLite. */
final class MlflowStatus {
    private MlflowStatus() {
    }

    /** The status; an unknown value reads as FAILED rather than failing the run (the caller may warn). */
    static RunStatus parse(Object raw) {
        if (raw == null) {
            return RunStatus.FINISHED;
        }
        String s = String.valueOf(raw).strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "1", "RUNNING" -> RunStatus.RUNNING;
            case "2", "SCHEDULED" -> RunStatus.SCHEDULED;
            case "3", "FINISHED" -> RunStatus.FINISHED;
            case "4", "FAILED" -> RunStatus.FAILED;
            case "5", "KILLED" -> RunStatus.KILLED;
            default -> null;
        };
    }
}
