package dev.cairn.store.registry;

/**
 * Who makes a registry change and how: the user (the OS user by default), an optional comment, the event time
 * (now by default; demo data and imports pass past times), whether to archive the versions that held the
 * target stage, and whether to force past the promotion rule.
 */
public record ChangeOptions(String user, String comment, Long timeMs, boolean archiveExisting, boolean force) {

    /** The OS user, no comment, now, no archiving, no force. */
    public static ChangeOptions defaults() {
        return new ChangeOptions(System.getProperty("user.name"), null, null, false, false);
    }

    /** Defaults, made by {@code user}. */
    public static ChangeOptions by(String user) {
        return defaults().withUser(user);
    }

    public ChangeOptions withUser(String newUser) {
        return new ChangeOptions(newUser, comment, timeMs, archiveExisting, force);
    }

    public ChangeOptions withComment(String newComment) {
        String c = newComment == null || newComment.isBlank() ? null : newComment.strip();
        return new ChangeOptions(user, c, timeMs, archiveExisting, force);
    }

    public ChangeOptions at(long newTimeMs) {
        return new ChangeOptions(user, comment, newTimeMs, archiveExisting, force);
    }

    public ChangeOptions archivingExisting() {
        return new ChangeOptions(user, comment, timeMs, true, force);
    }

    public ChangeOptions withArchiveExisting(boolean value) {
        return new ChangeOptions(user, comment, timeMs, value, force);
    }

    public ChangeOptions forced() {
        return new ChangeOptions(user, comment, timeMs, archiveExisting, true);
    }

    public ChangeOptions withForce(boolean value) {
        return new ChangeOptions(user, comment, timeMs, archiveExisting, value);
    }

    public long timeOrNow() {
        return timeMs != null ? timeMs : System.currentTimeMillis();
    }
}
