package dev.cairn.app.desktop;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.shell.ShellViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line's store, opened while JavaFX starts and handed to the window once (ADR 0016). */
class EarlyStoreTest {
    @TempDir
    Path dir;

    @Test
    void theWindowTakesTheStoreOpenedEarlyOnceAndOpensAnyOtherAsUsual() {
        StoreLocation location = StoreLocation.of(dir.resolve("early.db"));
        EarlyStore early = EarlyStore.start(location, StoreMode.LOCAL);
        ShellViewModel.StoreOpener opener = early.opener();
        try (TrackingStore first = opener.open(location, ShellViewModel.optionsFor(StoreMode.LOCAL));
             TrackingStore again = opener.open(location, ShellViewModel.optionsFor(StoreMode.LOCAL));
             TrackingStore other = opener.open(StoreLocation.of(dir.resolve("other.db")),
                     ShellViewModel.optionsFor(StoreMode.LOCAL))) {
            assertThat(first.experiments().list(true)).isEmpty();
            assertThat(again).isNotSameAs(first);
            assertThat(other.location()).isEqualTo(StoreLocation.of(dir.resolve("other.db")));
        }
    }

    @Test
    void aStoreThatCannotBeOpenedFailsInTheWindowWithTheStoresOwnError() {
        StoreLocation missing = StoreLocation.of(dir.resolve("missing.db"));
        EarlyStore early = EarlyStore.start(missing, StoreMode.READ_ONLY);
        Throwable direct = org.assertj.core.api.Assertions.catchThrowable(
                () -> TrackingStore.open(missing, ShellViewModel.optionsFor(StoreMode.READ_ONLY)));
        assertThat(direct).isNotNull();
        assertThatThrownBy(() -> early.opener().open(missing, ShellViewModel.optionsFor(StoreMode.READ_ONLY)))
                .isInstanceOf(direct.getClass()).hasMessage(direct.getMessage());
        assertThat(dir.resolve("missing.db")).doesNotExist();
    }
}
