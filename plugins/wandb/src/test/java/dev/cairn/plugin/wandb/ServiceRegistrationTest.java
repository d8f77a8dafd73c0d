package dev.cairn.plugin.wandb;

import dev.cairn.plugin.importer.RunImporter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The module's importers are found by ServiceLoader, like any plugin, and describe themselves. */
class ServiceRegistrationTest {
    @Test
    void serviceLoaderFindsTheImporters() {
        List<RunImporter> importers = ServiceLoader.load(RunImporter.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(importers).extracting(RunImporter::id).contains("wandb");
        assertThat(importers).allSatisfy(i -> {
            assertThat(i.displayName()).isNotBlank();
            assertThat(i.version()).matches("\\d+\\.\\d+\\.\\d+");
        });
    }
}
