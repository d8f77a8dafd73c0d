package dev.cairn.viewer.drift;

import dev.cairn.viewer.common.Theme;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftChartPartsTest {
    @Test
    void testMessagesShowNumbersWithFiveSignificantDigits() {
        assertThat(DriftView.shortNumbers("W1=13.413412345, reference std=9.794827565608289"))
                .isEqualTo("W1=13.413, reference std=9.7948");
        assertThat(DriftView.shortNumbers("chi2=3.5 on 4 categories")).isEqualTo("chi2=3.5 on 4 categories");
    }

    @Test
    void histogramsAreFilledWithTransparency() {
        assertThat(DistributionChart.fill(Color.web("#4e79a7"))).contains("-fx-line-color: rgba(78,121,167,0.55)");
        assertThat(dev.cairn.viewer.common.RunColors.series(0, Theme.DARK).getBrightness())
                .isGreaterThan(dev.cairn.viewer.common.RunColors.series(0, Theme.LIGHT).getBrightness());
    }
}
