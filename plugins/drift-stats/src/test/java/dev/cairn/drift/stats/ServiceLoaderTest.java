package dev.cairn.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.plugin.drift.DriftTest;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void findsAllSixTests() {
        List<DriftTest> tests = ServiceLoader.load(DriftTest.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        assertThat(tests).extracting(DriftTest::id)
                .containsExactlyInAnyOrder("ks", "chisquare", "ztest", "wasserstein", "jensenshannon", "psi");
    }

    @Test
    void pValueTestsDefaultTo005AndDistancesTo01() {
        for (DriftTest t : ServiceLoader.load(DriftTest.class)) {
            assertThat(t.defaultThreshold()).as(t.id()).isEqualTo(t.isDistance() ? 0.1 : 0.05);
            assertThat(t.displayName()).as(t.id()).isNotBlank();
            assertThat(t.supports()).as(t.id()).isNotEmpty();
        }
    }
}
