package dev.cairn.viewer.runs;

import dev.cairn.store.model.RunDetails;

import java.util.List;

/** What a poll of the store's change token found: the new token and the changed runs (empty when none). */
record RunChanges(long token, List<RunDetails> changed) {
}
