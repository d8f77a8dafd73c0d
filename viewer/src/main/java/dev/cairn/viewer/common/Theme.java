package dev.cairn.viewer.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.util.Locale;

/** The two AtlantaFX themes of the window. */
public enum Theme {
    LIGHT, DARK;

    /** The user-agent stylesheet to install for this theme. */
    public String stylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** "light" / "dark" (any case); null or unknown gives LIGHT. */
    public static Theme parse(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).equals("dark") ? DARK : LIGHT;
    }
}
