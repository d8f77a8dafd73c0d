package dev.cairn.viewer.shell;

import dev.cairn.store.TrackingStore;

/** A store opened in the background, and whether it holds no experiments yet. */
record OpenedStore(TrackingStore store, boolean empty) {
}
