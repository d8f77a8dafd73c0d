package dev.cairn.app.demo;

import java.time.Duration;
import java.util.List;

/**
 * What a demo generation wrote.
 *
 * @param sections the sections written (sections already in the store are not listed)
 * @param elapsed  wall-clock time of the generation
 */
public record DemoSummary(List<Section> sections, Duration elapsed) {

    public DemoSummary {
        sections = List.copyOf(sections);
    }

    /** The experiments written, in order. */
    public List<String> experiments() {
        return sections.stream().map(Section::experiment).toList();
    }

    /** Runs written over all sections. */
    public int runCount() {
        return sections.stream().mapToInt(Section::runs).sum();
    }

    /** One written section: its experiment and how many runs it wrote. */
    public record Section(String experiment, int runs) {
    }
}
