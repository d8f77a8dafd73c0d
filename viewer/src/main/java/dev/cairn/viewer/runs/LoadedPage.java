package dev.cairn.viewer.runs;

import dev.cairn.store.model.RunDetails;
import dev.cairn.store.query.RunQuery;

import java.util.List;

/**
 * Runs read for the table in one background step.
 *
 * @param runs      the runs with params, tags and metric summaries, in the store's order
 * @param next      the query for the following page, or null when this was the last
 * @param replacing true when {@code runs} replaces everything loaded so far (store without paging)
 */
public record LoadedPage(List<RunDetails> runs, RunQuery next, boolean replacing) {
}
