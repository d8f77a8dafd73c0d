package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * File → Open team store…: host, port, database and user of a PostgreSQL store, and a password only when none is
 * known from {@code PGPASSWORD} or the password file (or the server refused the one it got). The password lives in
 * memory for the connection only; what is remembered is {@link StoreLocation#describe()}, which has none. Plain
 * Java; UI thread only.
 */
public final class TeamStoreViewModel {
    /** Where PostgreSQL would find a password for a connection without asking. */
    public interface PasswordLookup {
        /** No password anywhere: always ask. */
        PasswordLookup NONE = (host, port, database, user) -> Optional.empty();

        /** Where the password comes from (e.g. "PGPASSWORD", "~/.pgpass"); empty when none is known. */
        Optional<String> sourceFor(String host, int port, String database, String user);

        /** The password file's name for messages. */
        default String passwordFileName() {
            return "~/.pgpass";
        }

        /** Why the password file is not used (e.g. readable by others), or null. */
        default String ignoredBecause() {
            return null;
        }
    }

    private final PasswordLookup passwords;
    private final String defaultUser;
    private final Consumer<StoreLocation.Postgres> opener;

    private final StringProperty host = new SimpleStringProperty(this, "host", "localhost");
    private final StringProperty port = new SimpleStringProperty(this, "port",
            Integer.toString(StoreLocation.Postgres.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper passwordNeeded = new ReadOnlyBooleanWrapper(this, "passwordNeeded", true);
    private final ReadOnlyStringWrapper passwordNote = new ReadOnlyStringWrapper(this, "passwordNote");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");

    private boolean passwordAsked;

    /**
     * A form with the defaults (localhost, 5432, {@code defaultUser}); {@link #open()} hands the location to
     * {@code opener}.
     */
    public TeamStoreViewModel(PasswordLookup passwords, String defaultUser, Consumer<StoreLocation.Postgres> opener) {
        this.passwords = passwords == null ? PasswordLookup.NONE : passwords;
        this.defaultUser = defaultUser == null || defaultUser.isBlank() ? "postgres" : defaultUser;
        this.opener = Objects.requireNonNull(opener, "opener");
        user.set(this.defaultUser);
        for (Observable o : new Observable[] {host, port, database, user}) {
            o.addListener(x -> update());
        }
        update();
    }

    /** Fills the form from {@code location}; its password, if any, is not shown and not used. */
    public void prefill(StoreLocation.Postgres location) {
        host.set(location.host());
        port.set(Integer.toString(location.port()));
        database.set(location.database());
        user.set(location.user());
        password.set("");
        update();
    }

    /**
     * Asks for the password even when one is known: opening failed because the server wanted one and got none, or
     * refused it. {@code why} says so above the form.
     */
    public void askForPassword(String why) {
        passwordAsked = true;
        reason.set(why);
        password.set("");
        update();
    }

    private void update() {
        String trouble = check();
        problem.set(trouble);
        if (trouble == null) {
            summary.set("Opens " + location(null).describe() + ".");
        } else {
            summary.set(trouble);
        }
        Optional<String> source = Optional.empty();
        Integer p = portNumber();
        if (!passwordAsked && p != null) {
            source = passwords.sourceFor(text(host), p, text(database), userName());
        }
        passwordNeeded.set(passwordAsked || source.isEmpty());
        if (passwordAsked) {
            passwordNote.set("Not saved; used for this connection only.");
        } else if (source.isPresent()) {
            passwordNote.set("Password from " + source.get() + ".");
        } else {
            String ignored = passwords.ignoredBecause();
            passwordNote.set((ignored != null ? ignored + ". " : "No password for this database in PGPASSWORD or "
                    + passwords.passwordFileName() + ". ") + "Leave it empty if the server needs none; it is not saved.");
        }
    }

    /** What is wrong with the form, or null when it can be opened. */
    private String check() {
        String h = text(host);
        if (h.isEmpty()) {
            return "Type the server's host name, e.g. localhost or db.example.org.";
        }
        if (h.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@' || c == '?' || c == '#')) {
            return "'" + h + "' is not a host name.";
        }
        String portText = text(port);
        if (portText.isEmpty()) {
            return "Type the port; PostgreSQL's default is " + StoreLocation.Postgres.DEFAULT_PORT + ".";
        }
        if (portNumber() == null) {
            return "The port must be a number from 1 to 65535; '" + portText + "' is not.";
        }
        if (text(database).isEmpty()) {
            return "Type the database name.";
        }
        StoreLocation.Postgres location;
        try {
            location = location(null);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        // the address is what Open recent keeps: it must read back as the same database
        try {
            if (!StoreLocation.parse(location.describe()).equals(location)) {
                return unwritable();
            }
        } catch (IllegalArgumentException e) {
            return unwritable();
        }
        return null;
    }

    private static String unwritable() {
        return "Cairn cannot write this as a postgresql:// address; leave out spaces and / # ? @ : % in the names.";
    }

    private Integer portNumber() {
        String text = text(port);
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int p = Integer.parseInt(text);
        return p >= 1 && p <= 65535 ? p : null;
    }

    private String userName() {
        String u = text(user);
        return u.isEmpty() ? defaultUser : u;
    }

    private StoreLocation.Postgres location(String withPassword) {
        Integer p = portNumber();
        return new StoreLocation.Postgres(text(host), p == null ? StoreLocation.Postgres.DEFAULT_PORT : p,
                text(database), userName(), withPassword);
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /**
     * The store the form names, with the typed password when the form asks for one (null: PostgreSQL's own
     * sources). Fails when the form has a {@link #problemProperty() problem}.
     */
    public StoreLocation.Postgres location() {
        if (problem.get() != null) {
            throw new IllegalStateException(problem.get());
        }
        String typed = password.get();
        return location(passwordNeeded.get() && typed != null && !typed.isEmpty() ? typed : null);
    }

    /** Opens the store the form names; false (and nothing happens) while the form has a problem. */
    public boolean open() {
        if (problem.get() != null) {
            return false;
        }
        StoreLocation.Postgres location = location();
        password.set("");
        opener.accept(location);
        return true;
    }

    public StringProperty hostProperty() {
        return host;
    }

    /** The port as typed (validated, not parsed on the way in). */
    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    /** The user; empty means the default user (the OS user name). */
    public StringProperty userProperty() {
        return user;
    }

    /** The password as typed; used only while {@link #passwordNeededProperty()} is true. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The default user, for a prompt in an empty user field. */
    public String defaultUser() {
        return defaultUser;
    }

    /** True when the form shows a password field: none is known, or the server asked again. */
    public ReadOnlyBooleanProperty passwordNeededProperty() {
        return passwordNeeded.getReadOnlyProperty();
    }

    /** Where the password comes from, or why it is asked for. */
    public ReadOnlyStringProperty passwordNoteProperty() {
        return passwordNote.getReadOnlyProperty();
    }

    /** Why the password is asked for again (e.g. it was refused); null for a fresh form. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** What must be fixed before Open, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** One line under the form: the address Open will use, or the problem. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
