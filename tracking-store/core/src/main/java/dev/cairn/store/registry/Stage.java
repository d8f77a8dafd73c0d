package dev.cairn.store.registry;

import java.util.Locale;

/** The stage of a model version, as MLflow names them. */
public enum Stage {
    NONE("None"), STAGING("Staging"), PRODUCTION("Production"), ARCHIVED("Archived");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** "None", "Staging", "Production" or "Archived", as stored and printed. */
    public String label() {
        return label;
    }

    /** True for the stages a version can be promoted to (Staging, Production). */
    public boolean isPromotable() {
        return this == STAGING || this == PRODUCTION;
    }

    /** Parses a stage case-insensitively; the message lists the valid names. */
    public static Stage parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Stage s : values()) {
                if (s.label.toLowerCase(Locale.ROOT).equals(t)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown stage '" + text
                + "' (expected None, Staging, Production or Archived)");
    }

    @Override
    public String toString() {
        return label;
    }
}
