package dev.cairn.viewer.hparams;

/** How a column's values are compared: as numbers, or as unordered categories. */
public enum ParamKind { NUMERIC, CATEGORICAL }
