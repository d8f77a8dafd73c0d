package dev.cairn.app.cli;

import dev.cairn.app.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code cairn} in-process and captures its output. */
public final class CliRunner {
    private CliRunner() {
    }

    /** Exit code and captured streams of one invocation. */
    public record Result(int code, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
