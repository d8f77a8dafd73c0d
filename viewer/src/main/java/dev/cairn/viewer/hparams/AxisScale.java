package dev.cairn.viewer.hparams;

/** How a numeric axis spaces its values. Log falls back to linear when a value is zero or negative. */
public enum AxisScale { LINEAR, LOG }
