package dev.cairn.app.cli;

import dev.cairn.store.model.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns exceptions into exit codes: a user mistake (bad store, bad value, unknown run) prints one line to stderr
 * and exits 1; a usage error (including a malformed {@code --filter}) exits 2; only a real bug prints a stack trace.
 */
public final class CliErrors implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof UsageException) {
            cmd.getErr().println("cairn: " + ex.getMessage());
            cmd.usage(cmd.getErr());
            return 2;
        }
        if (ex instanceof dev.cairn.store.query.FilterSyntaxException) {
            // a malformed --filter is a usage error like any other bad option value
            cmd.getErr().println("cairn: --filter: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof StoreException || ex instanceof IllegalArgumentException
                || ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
            cmd.getErr().println("cairn: " + ex.getMessage());
            LOG.debug("command failed", ex);
            return 1;
        }
        cmd.getErr().println("cairn: unexpected error: " + ex);
        ex.printStackTrace(cmd.getErr());
        return 1;
    }

    /** A usage mistake found after parsing (exit code 2). */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
