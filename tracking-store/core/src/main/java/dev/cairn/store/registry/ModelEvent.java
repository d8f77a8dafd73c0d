package dev.cairn.store.registry;

/**
 * One entry of a model's append-only history.
 *
 * @param id              increasing id (order of the history)
 * @param version         the version the event is about (for a rollback: the version that got the slot back)
 * @param alias           the alias for alias events, else null
 * @param stage           the stage a stage event is about (the target of a promotion or a rollback), else null
 * @param from            stage events: the version's stage before; alias events and rollbacks of an alias: the
 *                        version number the alias pointed at before (null when unset); a deletion: the stage the
 *                        version was in
 * @param to              stage events: the stage after; alias events: the version number after
 * @param replacedVersion for a rollback: the version that lost the stage or alias, else null
 * @param forced          true when a promotion rule was overridden
 * @param detail          extra facts, for example the rule a forced promotion broke
 */
public record ModelEvent(long id, String model, Integer version, EventAction action, String alias, Stage stage,
                         String from, String to, Integer replacedVersion, boolean forced, String detail, String user,
                         long timeMs, String comment) {

    /** One line for people: "alice promoted version 3 from Staging to Production". */
    public String describe() {
        String who = user == null ? "someone" : user;
        return switch (action) {
            case REGISTER -> who + " registered version " + version;
            case PROMOTE, ARCHIVE -> who + (action == EventAction.PROMOTE ? " promoted" : " archived") + " version "
                    + version + " (" + from + " \u2192 " + to + ")";
            case SET_ALIAS -> who + " pointed alias '" + alias + "' at version " + to
                    + (from == null ? "" : " (was version " + from + ")");
            case REMOVE_ALIAS -> who + " removed alias '" + alias + "' from version " + from;
            case ROLLBACK -> who + " rolled back " + (alias != null ? "alias '" + alias + "'" : stage.label())
                    + " from version " + replacedVersion + " to version " + version;
            case IMPORT -> (alias != null ? "imported alias '" + alias + "' on version " + version
                    : "imported version " + version + " in " + to) + (user == null ? "" : " (by " + user + ")");
            case ALERT -> "alert on version " + version + ": " + detail;
            case UNSTAGE -> who + " moved version " + version + " back to None (" + from + " \u2192 None)";
            case DELETE -> who + " deleted version " + version + (detail == null ? "" : " (" + detail + ")");
            case DELETE_MODEL -> who + " deleted the model";
        };
    }
}
