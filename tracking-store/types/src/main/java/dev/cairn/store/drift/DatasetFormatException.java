package dev.cairn.store.drift;

import dev.cairn.store.model.StoreException;

/** Input rows that cannot be stored (ragged rows, a bad number, an empty file); nothing was stored. */
public final class DatasetFormatException extends StoreException {
    private final long line;

    /**
     * @param source the file name or "rows"
     * @param line   the 1-based line (CSV) or row number, or 0 when it is about the whole input
     */
    public DatasetFormatException(String source, long line, String problem) {
        super(source + (line > 0 ? ("rows".equals(source) ? ", row " : ", line ") + line : "") + ": " + problem + ". Nothing was stored.");
        this.line = line;
    }

    /** The 1-based line of the problem, 0 when it is about the whole input. */
    public long line() {
        return line;
    }
}
