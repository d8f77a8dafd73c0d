package dev.cairn.viewer.shell;

/** Commands of the main window that need a file chooser or dialog first. */
public interface ShellCommands {
    void openStore();

    void newStore();

    void importRuns();
}
