package dev.cairn.viewer.runs;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.query.RunPage;
import dev.cairn.store.query.RunQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the runs table page by page: one search plus one bulk {@code details(ids)} per page, never a query per
 * row. The first page is small so the first rows show fast; later pages are larger.
 */
public final class RunPageLoader {
    /** Size of the first page. */
    public static final int FIRST_PAGE = 100;
    /** Size of the following pages. */
    public static final int NEXT_PAGE = 5000;

    private RunPageLoader() {
    }

    /** The first query for a table scope. */
    public static RunQuery firstQuery(List<String> experiments, String filter, boolean includeDeleted) {
        return RunQuery.all().inExperiments(experiments).withFilter(filter == null || filter.isBlank() ? null : filter)
                .includingDeleted(includeDeleted).withPageSize(FIRST_PAGE);
    }

    /** Loads one page of {@code query}. */
    public static LoadedPage load(TrackingStore store, RunQuery query) {
        RunPage page = store.search().search(query);
        List<RunDetails> details = detailsInOrder(store, page.runs());
        if (page.nextPageToken() != null) {
            return new LoadedPage(details, query.after(page.nextPageToken()).withPageSize(NEXT_PAGE), false);
        }
        boolean full = page.runs().size() >= query.pageSize();
        if (full && query.pageToken() == null && query.pageSize() < Integer.MAX_VALUE) {
            // The store gave a full page without a token: it cannot page, so read the rest in one go.
            return new LoadedPage(details, query.withPageSize(Integer.MAX_VALUE), false);
        }
        return new LoadedPage(details, null, query.pageSize() == Integer.MAX_VALUE);
    }

    /** Bulk details of {@code runs}, in the same order. */
    public static List<RunDetails> detailsInOrder(TrackingStore store, List<Run> runs) {
        List<String> ids = new ArrayList<>(runs.size());
        for (Run r : runs) {
            ids.add(r.id());
        }
        Map<String, RunDetails> byId = store.runs().details(ids);
        List<RunDetails> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            RunDetails d = byId.get(r.id());
            out.add(d != null ? d : new RunDetails(r, Map.of(), Map.of(), Map.of()));
        }
        return out;
    }
}
