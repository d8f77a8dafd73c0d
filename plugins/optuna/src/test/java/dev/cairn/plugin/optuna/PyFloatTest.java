package dev.cairn.plugin.optuna;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Float params read as Python prints them (what the user typed and saw in Optuna). */
class PyFloatTest {
    @Test
    void printsAsPythonRepr() {
        assertThat(Distributions.pyFloat(0.0001)).isEqualTo("0.0001");
        assertThat(Distributions.pyFloat(1e-05)).isEqualTo("1e-05");
        assertThat(Distributions.pyFloat(3.0)).isEqualTo("3.0");
        assertThat(Distributions.pyFloat(-5.50878590272919)).isEqualTo("-5.50878590272919");
        assertThat(Distributions.pyFloat(1e16)).isEqualTo("1e+16");
        assertThat(Distributions.pyFloat(123456789.0)).isEqualTo("123456789.0");
        assertThat(Distributions.pyFloat(2.5e-07)).isEqualTo("2.5e-07");
        assertThat(Distributions.pyFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Distributions.pyFloat(2e-3)).isEqualTo("0.002");
    }
}
