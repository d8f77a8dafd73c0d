package dev.cairn.viewer.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPatternTest {
    @Test
    void wildcardMatchesWholeKeyAndPlainTextMatchesAnywhere() {
        assertThat(KeyPattern.of("val/*").matches("val/loss")).isTrue();
        assertThat(KeyPattern.of("val/*").matches("train/val/loss")).isFalse();
        assertThat(KeyPattern.of("*loss").matches("train/loss")).isTrue();
        assertThat(KeyPattern.of("Loss").matches("val/loss_total")).isTrue();
        assertThat(KeyPattern.of("a.b").matches("axb")).isFalse();
        assertThat(KeyPattern.of("  ").matches("anything")).isTrue();
    }
}
