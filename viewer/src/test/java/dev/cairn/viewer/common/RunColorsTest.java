package dev.cairn.viewer.common;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunColorsTest {
    @Test
    void colourIsAPureFunctionOfTheRunId() {
        String id = "0123456789abcdef0123456789abcdef";
        assertThat(RunColors.index(id)).isEqualTo(RunColors.index(id.toUpperCase()));
        assertThat(RunColors.of(id, Theme.LIGHT)).isEqualTo(RunColors.of(id, Theme.LIGHT));
        assertThat(RunColors.index(id)).isEqualTo(Integer.remainderUnsigned(fnv(id), 12));
        assertThat(RunColors.of(id, Theme.DARK).getBrightness())
                .isGreaterThanOrEqualTo(RunColors.of(id, Theme.LIGHT).getBrightness());
    }

    @Test
    void runsShownTogetherNeverShareAColourWhateverTheirOrder() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(String.format("%032x", i * 7919L));
        }
        Map<String, Color> colours = RunColors.assign(ids, Theme.LIGHT);
        assertThat(new HashSet<>(colours.values())).hasSize(12);
        java.util.Collections.reverse(ids);
        assertThat(RunColors.assign(ids, Theme.LIGHT)).isEqualTo(colours);
        String smallest = ids.stream().sorted().findFirst().orElseThrow();
        assertThat(colours.get(smallest)).isEqualTo(RunColors.of(smallest, Theme.LIGHT));
    }

    private static int fnv(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
