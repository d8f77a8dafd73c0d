package dev.cairn.app.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.ViewerSettings;
import dev.cairn.viewer.runs.RunExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopWiringTest {
    @TempDir
    Path dir;

    @Test
    void settingsRoundTripThroughTheJsonFile() {
        Path file = dir.resolve("cfg/cairn/settings.json");
        JsonSettingsStore store = new JsonSettingsStore(file);
        ViewerSettings s = store.load();
        s.setTheme("dark");
        s.setWindowWidth(1500);
        s.rememberStore("/data/a.db");
        s.getColumns().put("churn", List.of("param:lr", "metric:min:loss"));
        store.save(s);
        ViewerSettings back = new JsonSettingsStore(file).load();
        assertThat(back.getTheme()).isEqualTo("dark");
        assertThat(back.getWindowWidth()).isEqualTo(1500);
        assertThat(back.getRecentStores()).containsExactly("/data/a.db");
        assertThat(back.getColumns().get("churn")).containsExactly("param:lr", "metric:min:loss");
    }

    @Test
    void aBrokenSettingsFileGivesDefaultsAndIsKeptAside() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"theme\": ");
        ViewerSettings s = new JsonSettingsStore(file).load();
        assertThat(s.getTheme()).isEqualTo("light");
        assertThat(dir.resolve("settings.json.broken")).hasContent("{ \"theme\": ");
    }

    @Test
    void defaultFileFollowsXdgConfigHome() {
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertThat(JsonSettingsStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/cfg")))
                    .isEqualTo(Path.of("/x/cfg/cairn/settings.json"));
        }
    }

    @Test
    void jsonExportHasTheCliRunShape() throws Exception {
        try (TrackingStore store = TrackingStore.open(dir.resolve("s.db"))) {
            Run run = store.runs().create(NewRun.in("churn").withName("a"));
            store.runs().logParams(run.id(), Map.of("lr", "0.1"));
            store.metrics().append(run.id(), "loss", 0, 0, Double.NaN);
            List<RunDetails> details = new ArrayList<>(store.runs().details(List.of(run.id())).values());
            Path out = dir.resolve("runs.json");
            new RunExporter(new CliRunJsonWriter()).export(details, out, RunExporter.Format.JSON);
            JsonNode json = new ObjectMapper().readTree(out.toFile());
            assertThat(json.isArray()).isTrue();
            JsonNode first = json.get(0);
            assertThat(first.get("id").asText()).isEqualTo(run.id());
            assertThat(first.get("experiment").asText()).isEqualTo("churn");
            assertThat(first.get("params").get("lr").asText()).isEqualTo("0.1");
            assertThat(first.get("metrics").get("loss").get("last").asText()).isEqualTo("NaN");
        }
    }
}
