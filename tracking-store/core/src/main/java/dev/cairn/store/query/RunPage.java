package dev.cairn.store.query;

import dev.cairn.store.model.Run;

import java.util.List;

/** One page of search results and the token for the next page (null when this is the last). */
public record RunPage(List<Run> runs, String nextPageToken) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
