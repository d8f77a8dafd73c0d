package dev.cairn.plugin.bundle;

import java.util.List;
import java.util.Map;

/** A bundle's {@code cairn-bundle.json}. */
record BundleManifest(String format, int version, long createdMs, String createdBy, List<Experiment> experiments,
                      List<String> runs) {

    /** An experiment of the bundled runs. */
    record Experiment(String name, String description, String lifecycle, Long createdMs, Map<String, String> tags) {
    }
}
