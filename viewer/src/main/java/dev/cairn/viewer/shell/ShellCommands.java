package dev.cairn.viewer.shell;

/** Commands of the main window that need a file chooser or dialog first. */
public interface ShellCommands {
    void openStore();

    /** Asks for a PostgreSQL store (host, port, database, user) and opens it. */
    void openTeamStore();

    void newStore();

    void importRuns();
}
