package dev.cairn.store.log;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.ParamValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One key rule for the logging API, the store API and (through the store writer) every importer. */
class KeyRuleTest {
    @TempDir
    Path tmp;

    @Test
    void keysWithControlCharactersOrSurroundingSpacesAreRefusedEverywhere() {
        try (TrackingStore store = TrackingStore.open(tmp.resolve("k.db")); Cairn cairn = Cairn.on(store);
             ActiveRun run = cairn.experiment("e").startRun("r")) {
            for (String bad : new String[] {"loss\n", "lo\tss", " loss", "loss ", "a\u0000b", "", "   "}) {
                assertThatThrownBy(() -> run.metric(bad, 1.0, 0)).as("metric %s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid metric key");
                assertThatThrownBy(() -> run.param(bad, 1)).as("param %s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid param key");
                assertThatThrownBy(() -> run.tag(bad, "x")).as("tag %s", bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid tag key");
                assertThatThrownBy(() -> store.write(w -> {
                    var r = w.createRun(NewRun.in("imported"));
                    w.append(r, bad, new long[] {0}, new long[] {0}, new double[] {1});
                })).as("store writer %s", bad).isInstanceOf(IllegalArgumentException.class);
            }
            run.metric("train/loss (avg)", 1.0, 0).param("model.lr", 0.1).tag("team", "x");
            assertThat(store.runs().params(run.id())).containsEntry("model.lr", "0.1");
            assertThat(store.experiments().byName("imported")).as("nothing of the refused writes stored").isEmpty();
        }
    }

    @Test
    void aFiniteLiteralTooLargeForADoubleIsNotANumber() {
        assertThat(ParamValue.parseNumber("1e400")).isNull();
        assertThat(ParamValue.parseNumber("-1e400")).isNull();
        assertThat(ParamValue.parseNumber("0x1p3")).isNull();
        assertThat(ParamValue.parseNumber("1e308")).isEqualTo(1e308);
        assertThat(ParamValue.parseNumber("inf")).isInfinite();
        assertThat(ParamValue.parseNumber("-nan")).isNaN();
    }
}
