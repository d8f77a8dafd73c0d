package dev.cairn.viewer.common;

/** Where the viewer's settings live; the app provides a JSON file, tests an in-memory one. */
public interface SettingsStore {
    /** The saved settings, or defaults when none are saved (never fails: a broken file gives defaults). */
    ViewerSettings load();

    void save(ViewerSettings settings);

    /** Keeps settings in memory only. */
    final class InMemory implements SettingsStore {
        private ViewerSettings settings = new ViewerSettings();

        @Override
        public ViewerSettings load() {
            return settings;
        }

        @Override
        public void save(ViewerSettings newSettings) {
            this.settings = newSettings;
        }
    }
}
