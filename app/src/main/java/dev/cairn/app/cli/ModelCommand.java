package dev.cairn.app.cli;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelState;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.PromotionRule;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.RollbackPreview;
import dev.cairn.store.registry.RollbackResult;
import dev.cairn.store.registry.Stage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code cairn model register|promote|archive|unstage|delete|alias|rollback|history|show|rule}: change and inspect the model
 * registry. Every change checks that what it changes from is still so when it runs (use {@code --expect-*} to
 * state it explicitly); a refused or conflicting change exits 1 with the reason on stderr and writes nothing.
 */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Change and inspect registered models.",
        subcommands = {ModelCommand.Register.class, ModelCommand.Promote.class, ModelCommand.Archive.class,
            ModelCommand.Unstage.class, ModelCommand.Delete.class, ModelCommand.Alias.class, ModelCommand.Rollback.class, ModelCommand.History.class,
            ModelCommand.Show.class, ModelCommand.Rule.class})
public final class ModelCommand extends StoreCommand {

    @Override
    public Integer call() {
        throw new CliErrors.UsageException("missing subcommand");
    }

    /** Options every change shares: who, why. */
    static final class ChangeArgs {
        @Option(names = "--comment", paramLabel = "TEXT", description = "Why; recorded in the history.")
        String comment;

        @Option(names = "--user", paramLabel = "NAME", description = "Who (default: the OS user).")
        String user;

        ChangeOptions options() {
            ChangeOptions o = ChangeOptions.defaults().withComment(comment);
            return user == null || user.isBlank() ? o : o.withUser(user);
        }
    }

    /**
     * {@code --expect-stage}: the stage a version must be in when the change runs; without it, the stage it is in
     * now, so a change made meanwhile by someone else refuses this one instead of being overridden.
     */
    static final class ExpectStage {
        @Option(names = "--expect-stage", paramLabel = "STAGE",
                description = "Fail unless the version is in this stage now.")
        String expectStage;

        Expectation of(ModelState state, int version) {
            Stage from = expectStage != null ? Stage.parse(expectStage) : state.stageOf(version);
            return from == null ? Expectation.nothing() : Expectation.versionIn(version, from);
        }
    }

    /** Base of the subcommands: opens the store, prints events. */
    abstract static class Sub extends StoreCommand {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        abstract int run(ModelRegistry registry);

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                return run(store.registry());
            }
        }

        void printEvents(List<ModelEvent> events) {
            if (json) {
                out().println(Json.write(events.stream().map(ModelsCommand::event).toList()));
            } else {
                events.forEach(e -> out().println(e.describe()));
            }
            out().flush();
        }

        /** Parses "3", "3,4" or "none" into version numbers. */
        static int[] versions(String text) {
            if (text.isBlank() || text.strip().equalsIgnoreCase("none")) {
                return new int[0];
            }
            String[] parts = text.split(",");
            int[] out = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = version(parts[i]);
            }
            return out;
        }

        static int version(String text) {
            String t = text.strip();
            if (t.startsWith("v") || t.startsWith("V")) {
                t = t.substring(1);
            }
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a version number.");
            }
        }
    }

    /** {@code cairn model register --run ID --name NAME [--source PATH]}. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a new version of a model (created when missing) from a run.")
    static final class Register extends Sub {
        @Option(names = "--run", required = true, paramLabel = "ID", description = "The source run.")
        String runId;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The model name.")
        String name;

        @Option(names = "--source", paramLabel = "PATH",
                description = "The model's artifact path (default: runs:/<run>/model).")
        String source;

        @Option(names = "--description", paramLabel = "TEXT", description = "A description of the version.")
        String description;

        @Option(names = "--user", paramLabel = "NAME", description = "Who (default: the OS user).")
        String user;

        @Override
        int run(ModelRegistry registry) {
            ChangeOptions options = user == null ? ChangeOptions.defaults() : ChangeOptions.by(user);
            ModelVersion v = registry.register(NewModelVersion.of(name).fromRun(runId).withSource(source)
                    .withDescription(description), options);
            if (json) {
                out().println(Json.write(ModelsCommand.version(v)));
            } else {
                out().println("Registered " + v.model() + " version " + v.version() + " from run " + v.runId()
                        + " (" + v.source() + ").");
            }
            return 0;
        }
    }

    /** {@code cairn model promote NAME VERSION --stage STAGE [--archive-existing] [--comment TEXT] [--force]}. */
    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Move a version to Staging or Production.")
    static final class Promote extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "VERSION") String version;

        @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "Staging or Production.")
        String stage;

        @Option(names = "--archive-existing", description = "Archive the versions now in that stage.")
        boolean archiveExisting;

        @Option(names = "--force", description = "Promote even when the promotion rule refuses (recorded).")
        boolean force;

        @Mixin
        ExpectStage expectStage = new ExpectStage();

        @Option(names = "--expect-current", paramLabel = "VERSIONS",
                description = "Fail unless exactly these versions (e.g. 3 or 3,4 or none) are in the target stage.")
        String expectCurrent;

        @Mixin
        ChangeArgs change = new ChangeArgs();

        @Override
        int run(ModelRegistry registry) {
            int v = version(version);
            Stage target = Stage.parse(stage);
            ModelState state = registry.state(name);
            Expectation expect = expectStage.of(state, v);
            int[] holders = expectCurrent != null ? versions(expectCurrent)
                    : state.holders(target).stream().mapToInt(Integer::intValue).toArray();
            expect = expect.and(Expectation.stageHeldBy(target, holders));
            printEvents(registry.promote(name, v, target, expect,
                    change.options().withArchiveExisting(archiveExisting).withForce(force)));
            return 0;
        }
    }

    /** {@code cairn model archive NAME VERSION [--expect-stage STAGE]}. */
    @Command(name = "archive", mixinStandardHelpOptions = true, description = "Move a version to Archived.")
    static final class Archive extends VersionChange {
        @Override
        List<ModelEvent> change(ModelRegistry registry, int version, Expectation expect, ChangeOptions options) {
            return registry.archive(name, version, expect, options);
        }
    }

    /** {@code cairn model unstage NAME VERSION [--expect-stage STAGE]}: MLflow's transition to stage None. */
    @Command(name = "unstage", mixinStandardHelpOptions = true,
            description = "Move a version back to stage None (out of Staging, Production or Archived).")
    static final class Unstage extends VersionChange {
        @Override
        List<ModelEvent> change(ModelRegistry registry, int version, Expectation expect, ChangeOptions options) {
            return registry.unstage(name, version, expect, options);
        }
    }

    /**
     * A change of one version (archive, unstage, delete): NAME VERSION, {@code --expect-stage}, who and why; prints
     * the events recorded.
     */
    abstract static class VersionChange extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "VERSION") String version;

        @Mixin
        ExpectStage expectStage = new ExpectStage();

        @Mixin
        ChangeArgs change = new ChangeArgs();

        abstract List<ModelEvent> change(ModelRegistry registry, int version, Expectation expect,
                                         ChangeOptions options);

        @Override
        int run(ModelRegistry registry) {
            int v = version(version);
            printEvents(change(registry, v, expectStage.of(registry.state(name), v), change.options()));
            return 0;
        }
    }

    /** {@code cairn model delete NAME VERSION [--expect-stage STAGE]} or {@code cairn model delete NAME --model}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a version (its aliases go; rollbacks skip it; its number is not reused), or with "
                + "--model the whole model (its name can then be registered again).",
                "Recorded in the history; nothing is erased from the store."})
    static final class Delete extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "VERSION", arity = "0..1") String version;

        @Option(names = "--model", description = "Delete the model with all its versions.")
        boolean wholeModel;

        @Mixin
        ExpectStage expectStage = new ExpectStage();

        @Mixin
        ChangeArgs change = new ChangeArgs();

        @Override
        int run(ModelRegistry registry) {
            if (wholeModel == (version != null)) {
                throw new CliErrors.UsageException("give either a VERSION to delete or --model to delete the model "
                        + "'" + name + "' with all its versions");
            }
            if (wholeModel) {
                if (expectStage.expectStage != null) {
                    throw new CliErrors.UsageException("--expect-stage is about one version; it does not go with "
                            + "--model");
                }
                printEvents(List.of(registry.deleteModel(name, registry.expectCurrent(name), change.options())));
                return 0;
            }
            int v = version(version);
            printEvents(registry.deleteVersion(name, v, expectStage.of(registry.state(name), v), change.options()));
            return 0;
        }
    }

    /** {@code cairn model alias NAME ALIAS VERSION} or {@code cairn model alias NAME ALIAS --remove}. */
    @Command(name = "alias", mixinStandardHelpOptions = true,
            description = "Point an alias at a version (moving it from the version it pointed at), or remove it.")
    static final class Alias extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "ALIAS") String alias;
        @Parameters(index = "2", paramLabel = "VERSION", arity = "0..1") String version;

        @Option(names = "--remove", description = "Remove the alias.")
        boolean remove;

        @Option(names = "--expect-current", paramLabel = "VERSION",
                description = "Fail unless the alias points at this version now ('none': unset).")
        String expectCurrent;

        @Mixin
        ChangeArgs change = new ChangeArgs();

        @Override
        int run(ModelRegistry registry) {
            if (remove == (version != null)) {
                throw new CliErrors.UsageException("give either a VERSION or --remove");
            }
            Integer current = expectCurrent != null ? optionalVersion(expectCurrent)
                    : registry.state(name).aliasTarget(alias);
            Expectation expect = Expectation.aliasAt(alias, current);
            if (remove) {
                printEvents(registry.removeAlias(name, alias, expect, change.options()));
            } else {
                printEvents(registry.setAlias(name, alias, version(version), expect, change.options()));
            }
            return 0;
        }

        private static Integer optionalVersion(String text) {
            int[] v = versions(text);
            if (v.length > 1) {
                throw new IllegalArgumentException("An alias points at one version, not '" + text + "'.");
            }
            return v.length == 0 ? null : v[0];
        }
    }

    /** {@code cairn model rollback NAME [--stage Production | --alias A] [--dry-run]}. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = {"Give a stage (default Production) or an alias back to the version that held it before "
                + "the current one; the current one is archived (or loses the alias).",
                "Rolling back again walks further back."})
    static final class Rollback extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Option(names = "--stage", paramLabel = "STAGE", description = "The stage to roll back (default Production).")
        String stage;

        @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias to roll back.")
        String alias;

        @Option(names = "--expect-current", paramLabel = "VERSION",
                description = "Fail unless this version is the one rolled back.")
        String expectCurrent;

        @Option(names = "--dry-run", description = "Only say what would change.")
        boolean dryRun;

        @Mixin
        ChangeArgs change = new ChangeArgs();

        @Override
        int run(ModelRegistry registry) {
            if (stage != null && alias != null) {
                throw new CliErrors.UsageException("give --stage or --alias, not both");
            }
            Stage s = alias == null ? (stage == null ? Stage.PRODUCTION : Stage.parse(stage)) : null;
            RollbackPreview preview = s != null ? registry.previewRollback(name, s)
                    : registry.previewAliasRollback(name, alias);
            int current = expectCurrent != null ? version(expectCurrent) : preview.currentVersion();
            if (dryRun) {
                String slot = s != null ? s.label() : "alias '" + alias + "'";
                out().println("Would roll back " + slot + " of " + name + " from version " + preview.currentVersion()
                        + " to version " + preview.previousVersion()
                        + (s != null ? " (version " + preview.currentVersion() + " would be archived)." : "."));
                return 0;
            }
            RollbackResult r = s != null
                    ? registry.rollback(name, s, Expectation.versionIn(current, s), change.options())
                    : registry.rollbackAlias(name, alias, Expectation.aliasAt(alias, current), change.options());
            printEvents(List.of(r.event()));
            return 0;
        }
    }

    /** {@code cairn model history NAME [--version N] [--json]}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every change of stage or alias.")
    static final class History extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Option(names = "--version", paramLabel = "N", description = "Only events naming this version.")
        String version;

        @Override
        int run(ModelRegistry registry) {
            List<ModelEvent> events = version == null ? registry.history(name)
                    : registry.history(name, version(version));
            if (json) {
                out().println(Json.write(events.stream().map(ModelsCommand::event).toList()));
                return 0;
            }
            TextTable table = new TextTable("TIME", "VERSION", "ACTION", "SLOT", "FROM", "TO", "USER", "COMMENT");
            for (ModelEvent e : events) {
                String slot = e.alias() != null ? "alias " + e.alias() : e.stage() == null ? "-" : e.stage().label();
                String from = e.replacedVersion() != null ? "v" + e.replacedVersion() : e.from();
                String to = e.action() == EventAction.ROLLBACK ? "v" + e.version() : e.to();
                table.row(TextTable.time(e.timeMs()), "v" + e.version(), e.action().label()
                        + (e.forced() ? " (forced)" : ""), slot, from, to, e.user(), e.comment());
            }
            table.print(out());
            return 0;
        }
    }

    /** {@code cairn model show NAME [--json]}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "A model and its versions.")
    static final class Show extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(ModelRegistry registry) {
            RegisteredModel m = registry.requireModel(name);
            List<ModelVersion> versions = registry.versions(name);
            if (json) {
                out().println(Json.write(ModelsCommand.model(m, versions)));
                return 0;
            }
            out().println(m.name() + (m.description() == null ? "" : ": " + m.description()));
            if (m.rule() != null) {
                out().println("promotion rule: " + m.rule());
            }
            TextTable table = new TextTable("VERSION", "STAGE", "ALIASES", "STATUS", "RUN", "USER", "CREATED");
            for (ModelVersion v : versions) {
                table.row("v" + v.version(), v.stage().label(), v.aliases().isEmpty() ? "-"
                        : String.join(",", v.aliases()), v.status().name(), v.runId(), v.user(),
                        TextTable.time(v.createdMs()));
            }
            table.print(out());
            return 0;
        }
    }

    /** {@code cairn model rule NAME --metric M --goal min|max} or {@code --clear}. */
    @Command(name = "rule", mixinStandardHelpOptions = true,
            description = "Set the promotion rule: a new Production version must not be worse on a metric.")
    static final class Rule extends Sub {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Option(names = "--metric", paramLabel = "KEY", description = "The metric compared (last value).")
        String metric;

        @Option(names = "--goal", paramLabel = "GOAL", description = "min or max: which is better.")
        String goal;

        @Option(names = "--clear", description = "Remove the rule.")
        boolean clear;

        @Override
        int run(ModelRegistry registry) {
            if (clear == (metric != null)) {
                throw new CliErrors.UsageException("give --metric and --goal, or --clear");
            }
            PromotionRule rule = clear ? null : new PromotionRule(metric, PromotionRule.Goal.parse(
                    goal == null ? "" : goal));
            registry.setPromotionRule(name, rule);
            out().println(rule == null ? "Removed the promotion rule of " + name + "."
                    : "Promotion rule of " + name + ": " + rule + ".");
            return 0;
        }
    }
}
